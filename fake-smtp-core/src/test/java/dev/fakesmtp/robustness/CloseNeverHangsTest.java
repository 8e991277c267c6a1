package dev.fakesmtp.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.support.Eventually;
import dev.fakesmtp.support.SmtpDialogue;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * {@code close()} returns within its shutdown timeout (plus a second) whatever the sessions are
 * doing, every session has ended when it returns, and the port can be bound again at once.
 */
@Timeout(30)
@Isolated("each test binds its closed server's port again at once, which another test's server or client may take")
class CloseNeverHangsTest {

    private static final Duration SHUTDOWN = Duration.ofSeconds(1);

    /** 100,000 pipelined NOOPs and no reading: the server's writes block once the socket buffers are full. */
    @Test
    void clientThatNeverReadsWhileTheServerHasLotsToSay() throws Exception {
        FakeSmtpServer server = FakeSmtpServer.builder().shutdownTimeout(SHUTDOWN).build().start();
        int port = server.port();
        byte[] noops = "NOOP\r\n".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
        CountDownLatch writing = new CountDownLatch(1);
        try (Socket client = new Socket(server.host(), port)) {
            client.setReceiveBufferSize(4096);
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = client.getOutputStream();
                    writing.countDown();
                    out.write(noops); // blocks: the server stops reading once its replies back up
                } catch (IOException e) {
                    // closed by the server's close(): expected
                }
            }, "noop-flood");
            writer.setDaemon(true);
            writer.start();
            assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
            // The server is stuck in a write once it has answered more than the buffers hold.
            Eventually.assertWithin(Duration.ofSeconds(10), () -> assertThat(server.sessions()).singleElement()
                    .satisfies(session -> assertThat(session.transcript().size()).isGreaterThan(1_000)));
            assertClosesWithinBound(server);
            writer.join(5_000);
            assertThat(writer.isAlive()).as("the client's blocked write ends when the server closes").isFalse();
        }
        assertThat(server.sessions()).extracting(SmtpSession::end).containsOnly(SessionEnd.SERVER_SHUTDOWN);
        assertPortIsFree(port);
    }

    @Test
    void ruleThatStallsTheSession() {
        FakeSmtpServer server = FakeSmtpServer.builder().shutdownTimeout(SHUTDOWN).build().start();
        int port = server.port();
        server.on(Trigger.data()).stall();
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
            smtp.send("DATA");
            Eventually.assertWithin(Duration.ofSeconds(5), () -> assertThat(server.sessions().get(0).transcriptText())
                    .contains("(stalled: no more replies)"));
            assertClosesWithinBound(server);
            smtp.expect("421 4.3.2");
            smtp.expectClosed();
        }
        assertThat(server.sessions()).extracting(SmtpSession::end).containsOnly(SessionEnd.SERVER_SHUTDOWN);
        assertThat(server.mailbox().messages()).isEmpty();
        assertPortIsFree(port);
    }

    @Test
    void manyStalledAndSilentClientsAtOnce() throws Exception {
        FakeSmtpServer server = FakeSmtpServer.builder().shutdownTimeout(SHUTDOWN).build().start();
        server.on(Trigger.noop()).stall();
        Socket[] silent = new Socket[20];
        SmtpDialogue[] stalled = new SmtpDialogue[20];
        try {
            for (int i = 0; i < 20; i++) {
                silent[i] = new Socket(server.host(), server.port());
                stalled[i] = SmtpDialogue.afterEhlo(server);
                stalled[i].send("NOOP");
            }
            Eventually.assertWithin(Duration.ofSeconds(5), () -> assertThat(server.sessions()).hasSize(40));
            assertClosesWithinBound(server);
            assertThat(server.sessions()).extracting(SmtpSession::end).containsOnly(SessionEnd.SERVER_SHUTDOWN);
        } finally {
            for (int i = 0; i < 20; i++) {
                if (silent[i] != null) {
                    silent[i].close();
                }
                if (stalled[i] != null) {
                    stalled[i].close();
                }
            }
        }
    }

    private static void assertClosesWithinBound(FakeSmtpServer server) {
        long started = System.nanoTime();
        server.close();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).as("close() took").isLessThan(SHUTDOWN.plusSeconds(1));
        assertThat(server.isRunning()).isFalse();
    }

    /** No thread or socket of the closed server holds the port: a new server binds it at once. */
    private static void assertPortIsFree(int port) {
        try (FakeSmtpServer again = FakeSmtpServer.builder().port(port).build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(again)) {
            smtp.send("QUIT").expect("221 ");
        }
    }
}
