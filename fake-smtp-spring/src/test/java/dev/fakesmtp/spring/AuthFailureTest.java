package dev.fakesmtp.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.spring.app.MailApplication;
import dev.fakesmtp.spring.app.WelcomeMailer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/** The application's side of AUTH failures: the server's verdict reaches the caller. */
@Timeout(30)
class AuthFailureTest {

    /** The server requires AUTH, the application has no account: MAIL gets 530. */
    @Nested
    @SpringBootTest(classes = MailApplication.class)
    @AutoConfigureFakeSmtp(requireAuth = true)
    class WithoutCredentials {

        @Autowired
        FakeSmtpServer smtp;

        @Autowired
        WelcomeMailer mailer;

        @Test
        void mailIsRefusedUntilTheClientLogsIn() {
            assertThatThrownBy(() -> mailer.sendWelcome("bob@example.com", "Bob"))
                    .isInstanceOf(MailSendException.class)
                    .hasStackTraceContaining("530 5.7.0");
            assertThat(smtp.mailbox().messages()).isEmpty();
        }
    }

    /** A test's own {@code spring.mail.password} wins over the annotation's: here a wrong one. */
    @Nested
    @SpringBootTest(classes = MailApplication.class, properties = "spring.mail.password=wrong")
    @AutoConfigureFakeSmtp(username = "shop", password = "s3cret")
    class WithAWrongPassword {

        @Autowired
        FakeSmtpServer smtp;

        @Autowired
        WelcomeMailer mailer;

        @Test
        void theServerRejectsTheLogin() {
            assertThatThrownBy(() -> mailer.sendWelcome("bob@example.com", "Bob"))
                    .isInstanceOf(MailAuthenticationException.class)
                    .hasStackTraceContaining("535 5.7.8");
            assertThat(smtp.mailbox().messages()).isEmpty();
        }
    }
}
