package dev.fakesmtp.tls;

import static dev.fakesmtp.support.AngusMail.withTimeouts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.support.AngusMail;
import dev.fakesmtp.support.SmtpDialogue;
import jakarta.mail.MessagingException;
import java.io.UncheckedIOException;
import java.security.cert.CertificateException;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client that does not trust the test CA fails cleanly, the server records the failed
 * handshake on that session only, and goes on serving everyone else.
 */
@Timeout(20)
class UntrustedClientTest {

    @Test
    void angusWithTheJdkTrustStoreFailsStartTlsAndTheServerKeepsServing() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start()) {
            Properties untrusting = AngusMail.plain(server);
            untrusting.setProperty("mail.smtp.starttls.enable", "true");
            untrusting.setProperty("mail.smtp.starttls.required", "true");
            untrusting.setProperty("mail.smtp.ssl.checkserveridentity", "true");

            assertThatThrownBy(() -> AngusMail.send(untrusting, "never arrives"))
                    .isInstanceOf(MessagingException.class)
                    .hasStackTraceContaining("SSLHandshakeException")
                    .hasStackTraceContaining("PKIX path building failed");

            SmtpSession failed = TlsFixtures.awaitFailedHandshake(server, 0);
            assertThat(failed.end()).isEqualTo(SessionEnd.TLS_HANDSHAKE_FAILED);
            // Usually the client's alert ("certificate_unknown"); "Broken pipe" when the client hung up mid-write.
            assertThat(failed.tlsFailure()).hasValueSatisfying(reason -> assertThat(reason).isNotBlank());
            assertThat(failed.tls()).isEmpty();
            assertThat(failed.transcriptText()).contains("S: 220 2.0.0 Ready to start TLS");
            assertThat(server.mailbox().messages()).isEmpty();

            AngusMail.send(withTimeouts(server.mailProperties()), "trusted");
            assertThat(AngusMail.awaitOne(server).subject()).isEqualTo("trusted");
            assertThat(server.sessions()).extracting(SmtpSession::end)
                    .containsExactly(SessionEnd.TLS_HANDSHAKE_FAILED, SessionEnd.QUIT);
        }
    }

    @Test
    void angusWithTheJdkTrustStoreFailsImplicitTlsAndTheServerKeepsServing() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls().build().start()) {
            Properties untrusting = AngusMail.plain(server);
            untrusting.setProperty("mail.smtp.ssl.enable", "true");
            untrusting.setProperty("mail.smtp.ssl.checkserveridentity", "true");

            assertThatThrownBy(() -> AngusMail.send(untrusting, "never arrives"))
                    .isInstanceOf(MessagingException.class)
                    .hasStackTraceContaining("SSLHandshakeException");

            SmtpSession failed = TlsFixtures.awaitFailedHandshake(server, 0);
            assertThat(failed.end()).isEqualTo(SessionEnd.TLS_HANDSHAKE_FAILED);
            assertThat(failed.tlsFailure()).isPresent();
            assertThat(failed.transcript()).as("not even a greeting in clear text").isEmpty();

            AngusMail.send(withTimeouts(server.mailProperties()), "trusted");
            assertThat(AngusMail.awaitOne(server).envelope().tls()).isPresent();
        }
    }

    @Test
    void aRawClientWithTheJdkTrustStoreIsRejectedOnThePkixPath() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("STARTTLS").expect("220 2.0.0 ");
            SSLContext jdk = TlsFixtures.jdkDefaultContext();
            assertThatThrownBy(() -> smtp.startTls(jdk)).isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(SSLHandshakeException.class)
                    .hasStackTraceContaining("PKIX path building failed");

            assertThat(TlsFixtures.awaitFailedHandshake(server, 0).end()).isEqualTo(SessionEnd.TLS_HANDSHAKE_FAILED);
        }
    }

    @Test
    void hostnameVerificationRejectsANameTheCertificateDoesNotCarry() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("STARTTLS").expect("220 2.0.0 ");
            // Same trusted CA, same IP; only the name the client expects is wrong.
            assertThatThrownBy(() -> smtp.startTls(server.clientTls().sslContext(), "wrong.example"))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(SSLHandshakeException.class)
                    .hasRootCauseInstanceOf(CertificateException.class)
                    .hasStackTraceContaining("wrong.example");

            SmtpSession failed = TlsFixtures.awaitFailedHandshake(server, 0);
            assertThat(failed.end()).isEqualTo(SessionEnd.TLS_HANDSHAKE_FAILED);
            assertThat(failed.tlsFailure()).isPresent();
        }
    }

    @Test
    void theCertificateNamesLocalhostAnd127001() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start()) {
            for (String name : new String[] {"localhost", "127.0.0.1"}) {
                try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                    smtp.send("STARTTLS").expect("220 2.0.0 ");
                    smtp.startTls(server.clientTls().sslContext(), name);
                    smtp.send("EHLO " + name).expect("250 ");
                    smtp.send("QUIT").expect("221 ");
                }
            }
            assertThat(server.sessions()).allSatisfy(session -> assertThat(session.tls()).isPresent());
        }
    }

    @Test
    void angusChecksTheServerIdentityOnAnAddressTheCertificateDoesNotName() throws Exception {
        FakeSmtpServer.Builder builder = FakeSmtpServer.builder().bindAddress("127.0.0.2").startTls();
        try (FakeSmtpServer server = TlsFixtures.startOrAbort(builder)) {
            // Trusted CA, verification on, but the certificate names 127.0.0.1 and not 127.0.0.2.
            Properties verifying = withTimeouts(server.mailProperties());
            assertThat(verifying).containsEntry("mail.smtp.host", "127.0.0.2");
            assertThatThrownBy(() -> AngusMail.send(verifying, "wrong address"))
                    .isInstanceOf(MessagingException.class)
                    .hasRootCauseInstanceOf(CertificateException.class)
                    .hasStackTraceContaining("SSLHandshakeException")
                    .hasStackTraceContaining("matching IP address 127.0.0.2");
            assertThat(server.mailbox().messages()).isEmpty();

            // The same trust without the identity check gets through: the check was the only obstacle.
            Properties notVerifying = withTimeouts(server.mailProperties());
            notVerifying.setProperty("mail.smtp.ssl.checkserveridentity", "false");
            AngusMail.send(notVerifying, "identity not checked");
            assertThat(AngusMail.awaitOne(server).subject()).isEqualTo("identity not checked");
        }
    }

    @Test
    void aProtocolMismatchFailsOnlyThatConnection() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().tlsProtocols("TLSv1.3").build().start()) {
            SSLContext tls12Only = SSLContext.getInstance("TLSv1.2");
            tls12Only.init(null, TlsFixtures.trustManagersOf(server.clientTls().trustStore()), null);
            SSLParameters check = tls12Only.getDefaultSSLParameters();
            assertThat(check.getProtocols()).doesNotContain("TLSv1.3");
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send("STARTTLS").expect("220 2.0.0 ");
                assertThatThrownBy(() -> smtp.startTls(tls12Only)).isInstanceOf(UncheckedIOException.class)
                        .hasCauseInstanceOf(SSLHandshakeException.class);
            }
            SmtpSession failed = TlsFixtures.awaitFailedHandshake(server, 0);
            assertThat(failed.end()).isEqualTo(SessionEnd.TLS_HANDSHAKE_FAILED);
            assertThat(failed.tlsFailure()).isPresent();

            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send("STARTTLS").expect("220 2.0.0 ");
                smtp.startTls(server.clientTls().sslContext());
                assertThat(smtp.tlsSession().getProtocol()).isEqualTo("TLSv1.3");
                smtp.send("EHLO client.test").expect("250 ");
            }
        }
    }
}
