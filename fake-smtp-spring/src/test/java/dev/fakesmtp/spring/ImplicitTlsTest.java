package dev.fakesmtp.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.TlsInfo;
import dev.fakesmtp.spring.app.MailApplication;
import dev.fakesmtp.spring.app.WelcomeMailer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Implicit TLS ("port 465"): {@code spring.mail.ssl.enabled} plus the SSL bundle. */
@SpringBootTest(classes = MailApplication.class)
@AutoConfigureFakeSmtp(implicitTls = true, hostname = "smtps.shop.test")
@Timeout(30)
class ImplicitTlsTest {

    @Autowired
    FakeSmtpServer smtp;

    @Autowired
    WelcomeMailer mailer;

    @Autowired
    JavaMailSenderImpl mailSender;

    @Test
    void theMailArrivesOverImplicitTls() {
        mailer.sendWelcome("bob@example.com", "Bob");

        ReceivedMail mail = smtp.mailbox().awaitMessages(1, WelcomeMailTest.WAIT).get(0);
        assertThat(mail.envelope().tls()).get().extracting(TlsInfo::implicit).isEqualTo(true);
        assertThat(smtp.hostname()).isEqualTo("smtps.shop.test");
        assertThat(mailSender.getJavaMailProperties())
                .containsEntry("mail.smtp.ssl.enable", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
                .doesNotContainKey("mail.smtp.starttls.enable");
    }
}
