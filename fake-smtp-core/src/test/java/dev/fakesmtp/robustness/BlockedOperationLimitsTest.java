package dev.fakesmtp.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.support.NonReadingClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The idle timeout and the session time limit bound every blocking operation of a session, not
 * only its reads: a write to a client that never reads, and a TLS handshake the client trickles.
 */
@Timeout(60)
class BlockedOperationLimitsTest {

    private static final Duration END_WAIT = Duration.ofSeconds(10);

    @Test
    void writeToAClientThatNeverReadsEndsAtTheIdleTimeout() throws InterruptedException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().idleTimeout(Duration.ofMillis(500)).build().start();
             NonReadingClient client = NonReadingClient.connect(server.host(), server.port())) {
            // The server reads as long as it can write; once stuck in a write, only a bound on writes ends it.
            assertThat(awaitFirstSession(server).awaitEnd(END_WAIT)).isEqualTo(SessionEnd.IDLE_TIMEOUT);
            assertThat(client.awaitEnd()).as("the client's connection is closed").isTrue();
        }
    }

    @Test
    void writeToAClientThatNeverReadsEndsAtTheSessionTimeLimit() throws InterruptedException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().maxSessionDuration(Duration.ofSeconds(5)).build().start();
             NonReadingClient client = NonReadingClient.connect(server.host(), server.port())) {
            // Stuck in a write long before the limit passes, but for a machine too busy to get there first.
            client.awaitStuckOrEnd(server);
            assertThat(awaitFirstSession(server).awaitEnd(END_WAIT)).isEqualTo(SessionEnd.SESSION_TIME_LIMIT);
            assertThat(client.awaitEnd()).as("the client's connection is closed").isTrue();
        }
    }

    /** One byte of the ClientHello every 200 ms: never idle for 1 s, but past the 1 s session limit. */
    @Test
    void tlsHandshakeTrickledByteByByteEndsAtTheSessionTimeLimit() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls().idleTimeout(Duration.ofSeconds(1))
                .maxSessionDuration(Duration.ofSeconds(1)).build().start();
             Socket socket = new Socket(server.host(), server.port())) {
            socket.setSoTimeout(10_000);
            byte[] hello = clientHello(server.clientTls().sslContext());
            Thread trickle = new Thread(() -> trickle(socket, hello), "trickling-client");
            trickle.setDaemon(true);
            trickle.start();
            SmtpSession session = awaitFirstSession(server);
            assertThat(session.awaitEnd(END_WAIT)).isEqualTo(SessionEnd.SESSION_TIME_LIMIT);
            InputStream in = socket.getInputStream();
            try {
                assertThat(in.read()).as("the server closed the connection").isEqualTo(-1);
            } catch (IOException reset) {
                // closed with a reset: closed all the same
            }
            trickle.join(5_000);
            assertThat(trickle.isAlive()).as("the trickle ended: the server closed the connection").isFalse();
        }
    }

    /** The first TLS record a client sends: its ClientHello, as a real client would make it. */
    private static byte[] clientHello(SSLContext context) throws IOException {
        SSLEngine engine = context.createSSLEngine("localhost", 465);
        engine.setUseClientMode(true);
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        engine.wrap(ByteBuffer.allocate(0), out);
        out.flip();
        byte[] hello = new byte[out.remaining()];
        out.get(hello);
        assertThat(hello.length).as("a ClientHello").isGreaterThan(100);
        return hello;
    }

    private static void trickle(Socket socket, byte[] bytes) {
        try {
            OutputStream out = socket.getOutputStream();
            for (byte b : bytes) {
                out.write(b);
                out.flush();
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos()); // pacing the client is the point
            }
        } catch (IOException e) {
            // the server closed the connection
        }
    }

    private static SmtpSession awaitFirstSession(FakeSmtpServer server) {
        long deadline = System.nanoTime() + END_WAIT.toNanos();
        while (server.sessions().isEmpty()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("No session within " + END_WAIT);
            }
            LockSupport.parkNanos(10_000_000L);
        }
        return server.sessions().get(0);
    }

}
