package dev.fakesmtp.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Rule;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.support.SmtpDialogue;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * On an implicit-TLS port the SMTP dialogue starts after the handshake: connect rules are claimed
 * there, and a connection over the limit is refused there, inside TLS (RFC 8314 §3.3).
 */
@Timeout(20)
class ImplicitTlsConnectTest {

    @Test
    void aClientThatFailsTheHandshakeDoesNotUseUpAConnectRule() throws IOException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls().build().start()) {
            Rule busy = server.on(Trigger.connect()).once().reply(421, "4.3.2 Busy");
            try (Socket plain = new Socket(server.host(), server.port())) {
                OutputStream out = plain.getOutputStream();
                out.write("EHLO plain.test\r\n".getBytes(StandardCharsets.US_ASCII)); // no TLS: the handshake fails
                out.flush();
                TlsFixtures.awaitFailedHandshake(server, 0);
            }
            assertThat(busy.timesMatched()).as("matches before a handshake").isZero();
            assertThat(server.sessions().get(0).transcript()).isEmpty();

            try (SmtpDialogue tls = SmtpDialogue.connectTls(server, server.port(), server.clientTls().sslContext())) {
                tls.expect("421 4.3.2 Busy");
            }
            assertThat(busy.timesFired()).isEqualTo(1);
        }
    }

    @Test
    void overTheConnectionLimitATlsClientCompletesTheHandshakeAndIsTold421() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTlsPort(0).maxConnections(1).build().start();
             SmtpDialogue first = SmtpDialogue.connectTls(server, server.implicitTlsPort(), server.clientTls().sslContext())) {
            first.expect("220 ");
            try (SmtpDialogue second = SmtpDialogue.connectTls(server, server.implicitTlsPort(),
                    server.clientTls().sslContext())) {
                second.expect("421 4.3.2");
                second.expectClosed();
            }
            try (SmtpDialogue plain = SmtpDialogue.connect(server)) { // the plain port refuses in plain text
                plain.expect("421 4.3.2");
                plain.expectClosed();
            }
            SmtpSession refused = server.sessions().get(1);
            assertThat(refused.awaitEnd(Duration.ofSeconds(5))).isEqualTo(SessionEnd.CONNECTION_LIMIT);
            assertThat(refused.tls()).isPresent();
            assertThat(server.sessions().get(2).end()).isEqualTo(SessionEnd.CONNECTION_LIMIT);
            first.send("QUIT").expect("221 "); // the session within the limit was unaffected
        }
    }
}
