package dev.fakesmtp.tls;

import static dev.fakesmtp.support.AngusMail.withTimeouts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.TlsInfo;
import dev.fakesmtp.support.AngusMail;
import dev.fakesmtp.support.SmtpDialogue;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Implicit TLS (RFC 8314): a second port beside the plain one, or a TLS-only server. */
@Timeout(20)
class ImplicitTlsTest {

    @Test
    void implicitTlsMailPropertiesUseSslWithVerification() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTlsPort(0).build().start()) {
            assertThat(server.implicitTlsPort()).isPositive().isNotEqualTo(server.port());
            Properties properties = server.implicitTlsMailProperties();
            assertThat(properties).containsEntry("mail.smtp.port", String.valueOf(server.implicitTlsPort()))
                    .containsEntry("mail.smtp.ssl.enable", "true")
                    .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
                    .doesNotContainKeys("mail.smtp.starttls.enable", "mail.smtp.ssl.trust");
            assertThat(properties.get("mail.smtp.ssl.socketFactory")).isInstanceOf(SSLSocketFactory.class);
            // Only the second port does TLS: the main port's properties are plain.
            assertThat(server.mailProperties()).doesNotContainKeys("mail.smtp.ssl.enable", "mail.smtp.starttls.enable");
        }
    }

    @Test
    void onePlainAndOneImplicitTlsMailLandInTheSameMailbox() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTlsPort(0).build().start()) {
            AngusMail.send(withTimeouts(server.mailProperties()), "plain port");
            AngusMail.send(withTimeouts(server.implicitTlsMailProperties()), "implicit port");

            List<ReceivedMail> mails = server.mailbox().awaitMessages(2, Duration.ofSeconds(5));
            assertThat(mails).extracting(ReceivedMail::subject).containsExactly("plain port", "implicit port");
            assertThat(mails.get(0).envelope().tls()).isEmpty();
            TlsInfo tls = mails.get(1).envelope().tls().orElseThrow();
            assertThat(tls.implicit()).isTrue();
            assertThat(tls.protocol()).isEqualTo("TLSv1.3");
            assertThat(tls.toString()).startsWith("implicit TLSv1.3 ");
            assertThat(server.sessions()).extracting(session -> session.tls().isPresent()).containsExactly(false, true);
        }
    }

    @Test
    void startTlsOnThePlainPortAndImplicitTlsOnTheOther() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().implicitTlsPort(0).build().start()) {
            AngusMail.send(withTimeouts(server.mailProperties()), "starttls");
            AngusMail.send(withTimeouts(server.implicitTlsMailProperties()), "implicit");

            List<ReceivedMail> mails = server.mailbox().awaitMessages(2, Duration.ofSeconds(5));
            assertThat(mails).extracting(mail -> mail.envelope().tls().orElseThrow().implicit())
                    .containsExactly(false, true);
        }
    }

    @Test
    void implicitTlsOnlyServerSpeaksTlsOnItsMainPort() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls().build().start()) {
            assertThat(server.implicitTlsPort()).isEqualTo(server.port());
            Properties properties = server.mailProperties();
            assertThat(properties).containsEntry("mail.smtp.ssl.enable", "true")
                    .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
                    .doesNotContainKey("mail.smtp.starttls.enable");

            AngusMail.send(withTimeouts(properties), "implicit only");

            TlsInfo tls = AngusMail.awaitOne(server).envelope().tls().orElseThrow();
            assertThat(tls.implicit()).isTrue();
            assertThat(tls.protocol()).isEqualTo("TLSv1.3");
        }
    }

    @Test
    void implicitTlsHonoursTlsProtocols() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls().tlsProtocols("TLSv1.2").build().start()) {
            AngusMail.send(withTimeouts(server.mailProperties()), "implicit 1.2");

            assertThat(AngusMail.awaitOne(server).envelope().tls().orElseThrow().protocol()).isEqualTo("TLSv1.2");
        }
    }

    @Test
    void greetingComesOverTlsAndStartTlsIsNeitherOfferedNorAccepted() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().implicitTlsPort(0).build().start();
             SmtpDialogue smtp = SmtpDialogue.connectTls(server, server.implicitTlsPort(),
                     server.clientTls().sslContext())) {
            smtp.expect("220 localhost ESMTP");
            assertThat(smtp.tlsSession().getProtocol()).isEqualTo("TLSv1.3");
            List<String> ehlo = smtp.send("EHLO client.test").expect("250 ");
            assertThat(ehlo).noneMatch(line -> line.contains("STARTTLS"))
                    .anyMatch(line -> line.matches("250[- ]AUTH .*"));
            smtp.send("STARTTLS").expect("503 5.5.1 ");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0 ");
            TlsInfo tls = server.sessions().get(0).tls().orElseThrow();
            assertThat(tls.implicit()).isTrue();
            assertThat(tls.cipherSuite()).isEqualTo(smtp.tlsSession().getCipherSuite());
        }
    }

    @Test
    void aPlainTextClientOnTheTlsPortFailsTheHandshakeAndIsRecorded() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTlsPort(0).build().start()) {
            try (Socket socket = new Socket(server.host(), server.implicitTlsPort())) {
                socket.setSoTimeout(5_000);
                OutputStream out = socket.getOutputStream();
                out.write("EHLO plain.test\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] reply = in.readAllBytes(); // at most a TLS alert, then the close
                assertThat(new String(reply, StandardCharsets.ISO_8859_1)).doesNotContain("220", "250");
            }
            SmtpSession failed = TlsFixtures.awaitFailedHandshake(server, 0);
            assertThat(failed.end()).isEqualTo(SessionEnd.TLS_HANDSHAKE_FAILED);
            assertThat(failed.tlsFailure()).hasValueSatisfying(reason -> assertThat(reason).isNotBlank());
            assertThat(failed.tls()).isEmpty();

            AngusMail.send(withTimeouts(server.implicitTlsMailProperties()), "after a failure");
            assertThat(AngusMail.awaitOne(server).envelope().tls()).isPresent();
        }
    }

    @Test
    void implicitTlsPortWithoutImplicitTlsIsAHelpfulError() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start()) {
            assertThatThrownBy(server::implicitTlsPort).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("implicitTlsPort(0)");
            assertThatThrownBy(server::implicitTlsMailProperties).isInstanceOf(IllegalStateException.class);
        }
    }
}
