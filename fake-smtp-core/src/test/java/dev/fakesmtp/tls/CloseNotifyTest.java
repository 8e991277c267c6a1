package dev.fakesmtp.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.SmtpDialogue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server ends a TLS connection in order, with a close_notify alert before it closes its side
 * (RFC 8446 §6.1, RFC 5246 §7.2.1): after 221 to QUIT and after the 421 of a shutdown. Seen on
 * the wire through a relay, with TLS 1.2, whose record headers show an alert as an alert (a JDK
 * client alone cannot tell: it takes a bare TCP close for the end of the stream too).
 */
@Timeout(20)
class CloseNotifyTest {

    @Test
    void quitOnAnImplicitTlsConnectionEndsWithCloseNotify() throws Exception {
        try (FakeSmtpServer server = tls12().implicitTls().build().start();
             TlsRecordRelay relay = TlsRecordRelay.to(server.host(), server.port());
             SmtpDialogue tls = SmtpDialogue.connectTls(server, relay.port(), server.clientTls().sslContext())) {
            tls.expect("220 ");
            tls.send("QUIT").expect("221 ");
            assertLastRecordIsAnAlert(relay.serverRecordTypesAfterClose(""));
        }
    }

    @Test
    void quitAfterStartTlsEndsWithCloseNotify() throws Exception {
        try (FakeSmtpServer server = tls12().startTls().build().start();
             TlsRecordRelay relay = TlsRecordRelay.to(server.host(), server.port());
             SmtpDialogue smtp = SmtpDialogue.connect(server, relay.port())) {
            smtp.expect("220 ");
            smtp.send("EHLO client.test").expect("250 ");
            smtp.send("STARTTLS").expect("220 ");
            smtp.startTls(server.clientTls().sslContext());
            smtp.send("EHLO client.test").expect("250 ");
            smtp.send("QUIT").expect("221 ");
            assertLastRecordIsAnAlert(relay.serverRecordTypesAfterClose("Ready to start TLS\r\n"));
        }
    }

    @Test
    void shutdownTellsATlsClient421AndEndsWithCloseNotify() throws Exception {
        FakeSmtpServer server = tls12().implicitTls().build().start();
        try (TlsRecordRelay relay = TlsRecordRelay.to(server.host(), server.port());
             SmtpDialogue tls = SmtpDialogue.connectTls(server, relay.port(), server.clientTls().sslContext())) {
            tls.expect("220 ");
            tls.send("EHLO client.test").expect("250 ");
            server.close();
            tls.expect("421 4.3.2");
            assertLastRecordIsAnAlert(relay.serverRecordTypesAfterClose(""));
        } finally {
            server.close();
        }
    }

    private static FakeSmtpServer.Builder tls12() {
        return FakeSmtpServer.builder().tlsProtocols("TLSv1.2");
    }

    private static void assertLastRecordIsAnAlert(List<Integer> types) {
        assertThat(types).as("TLS record types the server sent (21 alert, 22 handshake, 23 data)")
                .contains(TlsRecordRelay.APPLICATION_DATA).last().isEqualTo(TlsRecordRelay.ALERT);
    }
}
