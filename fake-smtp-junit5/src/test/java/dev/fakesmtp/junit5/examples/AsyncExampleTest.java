package dev.fakesmtp.junit5.examples;

import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.junit5.SmtpServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// README: "JUnit 5", mail sent in the background and awaited.
@SmtpServer
@Timeout(10)
class AsyncExampleTest {

    @Test
    void welcomeMailArrivesEventually(FakeSmtpServer smtp, Mailbox mailbox) {
        new WelcomeMailer(smtp.host(), smtp.port()).sendWelcomeLater("bob@example.com");

        assertThat(mailbox).awaitMessageTo("bob@example.com", Duration.ofSeconds(5))
                .hasSubject("Welcome!")
                .isEncodedCorrectly();
    }
}
