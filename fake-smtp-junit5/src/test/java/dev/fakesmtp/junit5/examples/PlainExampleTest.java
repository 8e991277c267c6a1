package dev.fakesmtp.junit5.examples;

import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.junit5.SmtpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// README: "JUnit 5", a plain test.
@SmtpServer
@Timeout(10)
class PlainExampleTest {

    @Test
    void sendsAWelcomeMail(FakeSmtpServer smtp, Mailbox mailbox) {
        new WelcomeMailer(smtp.host(), smtp.port()).sendWelcome("bob@example.com");

        assertThat(mailbox).singleMessage()
                .hasEnvelopeRecipients("bob@example.com")
                .hasSubject("Welcome!")
                .hasTextContaining("Your account is ready");
    }
}
