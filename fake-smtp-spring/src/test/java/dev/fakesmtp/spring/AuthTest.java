package dev.fakesmtp.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.spring.app.MailApplication;
import dev.fakesmtp.spring.app.WelcomeMailer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** AUTH over STARTTLS with the account from the annotation, which the application logs in with. */
@SpringBootTest(classes = MailApplication.class)
@AutoConfigureFakeSmtp(startTls = true, requireAuth = true, username = "shop", password = "s3cret")
@Timeout(30)
class AuthTest {

    @Autowired
    FakeSmtpServer smtp;

    @Autowired
    WelcomeMailer mailer;

    @Value("${spring.mail.username}")
    String username;

    @Test
    void theApplicationLogsInWithTheConfiguredUser() {
        mailer.sendWelcome("bob@example.com", "Bob");

        ReceivedMail mail = smtp.mailbox().awaitMessages(1, WelcomeMailTest.WAIT).get(0);
        assertThat(mail.envelope().authenticatedUser()).contains("shop");
        assertThat(mail.envelope().tls()).isPresent();
        assertThat(username).isEqualTo("shop");
    }
}
