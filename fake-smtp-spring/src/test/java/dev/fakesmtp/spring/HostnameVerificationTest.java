package dev.fakesmtp.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.spring.app.MailApplication;
import dev.fakesmtp.spring.app.WelcomeMailer;
import java.security.cert.CertificateException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mail.MailSendException;

/**
 * Hostname verification stays on: a trusted certificate that does not name the address the
 * application connects to (the bundled one names 127.0.0.1, the server listens on 127.0.0.2)
 * is refused, and no mail goes through.
 */
@SpringBootTest(classes = MailApplication.class)
@Import(HostnameVerificationTest.SmtpConfiguration.class)
@AutoConfigureFakeSmtp
@Timeout(30)
class HostnameVerificationTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class SmtpConfiguration {

        /** Started here already, which works as well; Linux routes all of 127/8 to loopback. */
        @Bean
        FakeSmtpServer fakeSmtpServer() {
            return FakeSmtpServer.builder().bindAddress("127.0.0.2").startTls().build().start();
        }
    }

    @Autowired
    FakeSmtpServer smtp;

    @Autowired
    WelcomeMailer mailer;

    @Test
    void aCertificateThatDoesNotNameTheHostIsRefused() {
        assertThat(smtp.host()).isEqualTo("127.0.0.2");

        assertThatThrownBy(() -> mailer.sendWelcome("bob@example.com", "Bob"))
                .isInstanceOf(MailSendException.class)
                .hasRootCauseInstanceOf(CertificateException.class)
                .hasStackTraceContaining("127.0.0.2");

        assertThat(smtp.mailbox().messages()).isEmpty();
        assertThat(smtp.sessions()).singleElement().satisfies(session ->
                assertThat(session.awaitEnd(Duration.ofSeconds(5))).isEqualTo(SessionEnd.TLS_HANDSHAKE_FAILED));
    }
}
