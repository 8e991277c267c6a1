package dev.fakesmtp.junit5.examples;

import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;
import static dev.fakesmtp.assertj.MailMatcher.mail;

import dev.fakesmtp.Extension;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.junit5.SmtpServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// README: "JUnit 5", a static configured server.
@Timeout(10)
class ConfiguredServerExampleTest {

    @SmtpServer(failOnViolations = true)
    static FakeSmtpServer smtp = FakeSmtpServer.builder()
            .hostname("mail.test")
            .hide(Extension.PIPELINING)
            .build();

    WelcomeMailer mailer;

    @BeforeEach
    void setUp() {
        mailer = new WelcomeMailer(smtp.host(), smtp.port());
    }

    @Test
    void welcomesBob(Mailbox mailbox) {
        mailer.sendWelcome("bob@example.com");

        assertThat(mailbox).hasSize(1).hasMessage(mail().to("bob@example.com").subject("Welcome!"));
    }

    @Test
    void startsWithAnEmptyMailbox(Mailbox mailbox) {
        assertThat(mailbox).isEmpty();
    }
}
