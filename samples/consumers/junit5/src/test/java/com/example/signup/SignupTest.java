package com.example.signup;

// README: "JUnit 5", the plain test, mail sent in the background, and a failure rule, as pasted.
import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.junit5.SmtpServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@SmtpServer
class SignupTest {

    @Test
    void sendsAWelcomeMail(FakeSmtpServer smtp, Mailbox mailbox) {
        new WelcomeMailer(smtp.host(), smtp.port()).sendWelcome("bob@example.com");

        assertThat(mailbox).singleMessage()
                .hasEnvelopeRecipients("bob@example.com")
                .hasSubject("Welcome!")
                .hasTextContaining("Your account is ready");
    }

    @Test
    void welcomeMailArrivesEventually(FakeSmtpServer smtp, Mailbox mailbox) {
        new WelcomeMailer(smtp.host(), smtp.port()).sendWelcomeLater("bob@example.com");

        assertThat(mailbox).awaitMessageTo("bob@example.com", Duration.ofSeconds(5))
                .hasSubject("Welcome!")
                .isEncodedCorrectly();
    }

    @Test
    void aRejectedRecipientFailsTheSend(FakeSmtpServer smtp) {
        smtp.on(Trigger.rcptTo("bob@example.com")).reply(550, "5.1.1 No such user");
        WelcomeMailer mailer = new WelcomeMailer(smtp.host(), smtp.port());

        assertThatThrownBy(() -> mailer.sendWelcome("bob@example.com"))
                .hasStackTraceContaining("550 5.1.1 No such user");
        assertThat(smtp.mailbox()).isEmpty();
    }
}
