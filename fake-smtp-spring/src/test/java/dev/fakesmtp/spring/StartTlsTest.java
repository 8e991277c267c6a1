package dev.fakesmtp.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.TlsInfo;
import dev.fakesmtp.spring.app.MailApplication;
import dev.fakesmtp.spring.app.WelcomeMailer;
import java.security.KeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** STARTTLS: the application trusts the server through an SSL bundle, hostname verification on. */
@SpringBootTest(classes = MailApplication.class)
@AutoConfigureFakeSmtp(startTls = true)
@Timeout(30)
class StartTlsTest {

    @Autowired
    FakeSmtpServer smtp;

    @Autowired
    WelcomeMailer mailer;

    @Autowired
    JavaMailSenderImpl mailSender;

    @Autowired
    SslBundles sslBundles;

    @Test
    void theMailArrivesOverTls() {
        mailer.sendWelcome("bob@example.com", "Bob");

        ReceivedMail mail = smtp.mailbox().awaitMessages(1, WelcomeMailTest.WAIT).get(0);
        assertThat(mail.envelope().tls()).get().extracting(TlsInfo::implicit).isEqualTo(false);
        assertThat(mail.envelope().tls()).get().extracting(TlsInfo::protocol).asString().startsWith("TLSv1.");
        // The server refuses MAIL before STARTTLS, so the mail could only have come this way.
        assertThat(smtp.sessions()).singleElement().satisfies(session -> assertThat(session.tls()).isPresent());
    }

    @Test
    void theClientRequiresStartTlsAndChecksTheServerIdentity() {
        assertThat(mailSender.getJavaMailProperties())
                .containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
                .containsKey("mail.smtp.ssl.socketFactory")
                .doesNotContainKey("mail.smtp.ssl.trust");
    }

    @Test
    void theSslBundleTrustsOnlyTheServersCertificateAuthority() throws Exception {
        KeyStore trustStore = sslBundles.getBundle(AutoConfigureFakeSmtp.SSL_BUNDLE).getStores().getTrustStore();
        assertThat(trustStore.size()).isEqualTo(1);
        String alias = trustStore.aliases().nextElement();
        assertThat(trustStore.getCertificate(alias))
                .isEqualTo(smtp.clientTls().trustStore().getCertificate("fake-smtp-ca"));
    }
}
