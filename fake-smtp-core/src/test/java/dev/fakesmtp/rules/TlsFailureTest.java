package dev.fakesmtp.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Rule;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.support.SmtpDialogue;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code failTlsHandshake()}: after the 220 to STARTTLS, and at once on an implicit-TLS port.
 * The client trusts the server's own CA, so only the rule can make its handshake fail.
 */
@Timeout(20)
class TlsFailureTest {

    @Test
    void startTlsAnswers220ThenTheHandshakeFails() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Rule rule = server.on(Trigger.startTls()).failTlsHandshake();
            smtp.send("STARTTLS");
            smtp.expectBytes("220 2.0.0 Ready to start TLS\r\n");
            SSLSocket tls = (SSLSocket) server.clientTls().socketFactory()
                    .createSocket(smtp.socket(), "localhost", server.port(), true);
            tls.setSoTimeout(5_000);
            assertThatThrownBy(tls::startHandshake).isInstanceOf(SSLException.class);

            SmtpSession session = RuleSteps.endedSession(server, SessionEnd.TLS_HANDSHAKE_FAILED);
            assertThat(session.tls()).isEmpty();
            assertThat(session.tlsFailure()).hasValueSatisfying(why -> assertThat(why).contains(rule.description()));
            assertThat(rule.timesFired()).isEqualTo(1);
        }
    }

    @Test
    void withoutTheRuleTheSameClientCompletesTheHandshake() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Rule rule = server.on(Trigger.startTls()).onlyNth(2).failTlsHandshake();
            smtp.send("STARTTLS").expect("220 2.0.0 ");
            SSLSocket tls = (SSLSocket) server.clientTls().socketFactory()
                    .createSocket(smtp.socket(), "localhost", server.port(), true);
            tls.setSoTimeout(5_000);
            tls.startHandshake();
            tls.getOutputStream().write("EHLO client.test\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(readLine(tls.getInputStream())).startsWith("250");
            assertThat(rule.timesMatched()).isEqualTo(1);
            assertThat(rule.timesFired()).isZero();
        }
    }

    @Test
    void connectOnAnImplicitTlsPortFailsTheHandshakeAtOnce() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTlsPort(0).build().start()) {
            Rule rule = server.on(Trigger.connect()).once().failTlsHandshake();
            try (SSLSocket tls = (SSLSocket) server.clientTls().socketFactory()
                    .createSocket(server.host(), server.implicitTlsPort())) {
                tls.setSoTimeout(5_000);
                assertThatThrownBy(tls::startHandshake).isInstanceOf(SSLException.class);
            }
            RuleSteps.endedSession(server, SessionEnd.TLS_HANDSHAKE_FAILED);
            assertThat(rule.timesFired()).isEqualTo(1);

            // The rule was once(): the next client completes the handshake and gets the greeting.
            try (SSLSocket tls = (SSLSocket) server.clientTls().socketFactory()
                    .createSocket(server.host(), server.implicitTlsPort())) {
                tls.setSoTimeout(5_000);
                tls.startHandshake();
                assertThat(readLine(tls.getInputStream())).startsWith("220 ");
            }
        }
    }

    @Test
    void otherConnectEffectsOnAnImplicitTlsPortHappenInsideTls() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTlsPort(0).build().start()) {
            server.on(Trigger.connect()).reply(421, "4.3.2 Busy");
            try (SSLSocket tls = (SSLSocket) server.clientTls().socketFactory()
                    .createSocket(server.host(), server.implicitTlsPort())) {
                tls.setSoTimeout(5_000);
                tls.startHandshake();
                assertThat(readLine(tls.getInputStream())).isEqualTo("421 4.3.2 Busy");
            }
            try (Socket plain = new Socket(server.host(), server.port())) {
                plain.setSoTimeout(5_000);
                assertThat(readLine(plain.getInputStream())).isEqualTo("421 4.3.2 Busy");
            }
        }
    }

    /** One CRLF-terminated line, without the CRLF. */
    private static String readLine(InputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.append((char) b);
        }
        assertThat(line).endsWith("\r");
        return line.substring(0, line.length() - 1);
    }
}
