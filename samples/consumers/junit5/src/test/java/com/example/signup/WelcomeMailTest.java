package com.example.signup;

// README: "JUnit 5", a configured server shared by the class, as pasted.
import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;
import static dev.fakesmtp.assertj.MailMatcher.mail;

import dev.fakesmtp.Extension;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.junit5.SmtpServer;
import org.junit.jupiter.api.Test;

class WelcomeMailTest {

    @SmtpServer(failOnViolations = true)
    static FakeSmtpServer smtp = FakeSmtpServer.builder()
            .hostname("mail.test")
            .hide(Extension.PIPELINING)
            .build();

    @Test
    void welcomesBob(Mailbox mailbox) {
        new WelcomeMailer(smtp.host(), smtp.port()).sendWelcome("bob@example.com");

        assertThat(mailbox).hasSize(1).hasMessage(mail().to("bob@example.com").subject("Welcome!"));
    }
}
