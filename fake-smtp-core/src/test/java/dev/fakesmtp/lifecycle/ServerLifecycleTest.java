package dev.fakesmtp.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.FakeSmtpException;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.support.Eventually;
import dev.fakesmtp.support.SmtpDialogue;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * start() and close(): binding, the errors of misuse, freeing the port, and a close() that
 * returns within its bound whatever the clients do.
 */
@Timeout(60)
class ServerLifecycleTest {

    @Test
    void startReturnsTheRunningServerOnARandomLoopbackPort() {
        FakeSmtpServer built = FakeSmtpServer.builder().build();
        assertThat(built.isRunning()).isFalse();
        try (FakeSmtpServer server = built.start()) {
            assertThat(server).isSameAs(built);
            assertThat(server.isRunning()).isTrue();
            assertThat(server.host()).isEqualTo("127.0.0.1");
            assertThat(server.address()).isEqualTo(new InetSocketAddress("127.0.0.1", server.port()));
            try (SmtpDialogue smtp = SmtpDialogue.connect(server)) {
                smtp.expect("220 localhost ");
            }
        }
        assertThat(built.isRunning()).isFalse();
    }

    @Test
    void twoDefaultServersStartedTogetherGetDifferentFreePortsAndEachServesItsOwnClients() {
        try (FakeSmtpServer one = FakeSmtpServer.builder().hostname("one.test").build().start();
             FakeSmtpServer two = FakeSmtpServer.builder().hostname("two.test").build().start()) {
            assertThat(one.port()).isNotEqualTo(two.port());
            try (SmtpDialogue toOne = SmtpDialogue.connect(one); SmtpDialogue toTwo = SmtpDialogue.connect(two)) {
                toOne.expect("220 one.test ");
                toTwo.expect("220 two.test ");
            }
            assertThat(one.sessions()).hasSize(1);
            assertThat(two.sessions()).hasSize(1);
        }
    }

    @Test
    void portAndHostBeforeStartThrow() {
        FakeSmtpServer server = FakeSmtpServer.builder().build();
        assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class).hasMessageContaining("start()");
        assertThatThrownBy(server::host).isInstanceOf(IllegalStateException.class);
        server.close(); // closing a server that never started is harmless
    }

    @Test
    void startingTwiceThrows() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            int port = server.port();
            assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
            assertThat(server.port()).isEqualTo(port);
            assertThat(server.isRunning()).isTrue();
        }
    }

    @Test
    void startingAfterCloseThrows() {
        FakeSmtpServer server = FakeSmtpServer.builder().build().start();
        server.close();
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void bindingAPortInUseThrowsFromStart() {
        try (FakeSmtpServer first = FakeSmtpServer.builder().build().start()) {
            FakeSmtpServer second = FakeSmtpServer.builder().port(first.port()).build();
            assertThatThrownBy(second::start).isInstanceOf(FakeSmtpException.class)
                    .hasMessageContaining(String.valueOf(first.port()));
            assertThat(second.isRunning()).isFalse();
            second.close();
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(first)) { // the first one is unharmed
                smtp.send("QUIT").expect("221 ");
            }
        }
    }

    /** Whether close() frees the port is PortReleaseTest's, which runs alone: a freed port is anyone's. */
    @Test
    void closeIsIdempotent() {
        FakeSmtpServer server = FakeSmtpServer.builder().build().start();
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("QUIT").expect("221 ");
            smtp.expectClosed();
        }
        server.close();
        server.close();
        assertThat(server.isRunning()).isFalse();
        assertThat(server.isClosed()).isTrue();
    }

    @Test
    void closeReturnsPromptlyWhileAClientNeitherSendsNorReads() {
        FakeSmtpServer server = FakeSmtpServer.builder().build().start();
        try (SmtpDialogue silent = SmtpDialogue.connect(server)) {
            awaitSessions(server, 1);
            long started = System.nanoTime();
            server.close();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            assertThat(server.sessions().get(0).end()).isEqualTo(SessionEnd.SERVER_SHUTDOWN);
            // What the client finds when it reads at last: its greeting, the 421 of the shutdown, the end.
            silent.expect("220 ");
            silent.expect("421 4.3.2");
            silent.expectClosed();
        }
    }

    /**
     * A client that floods commands and never reads fills the server's send buffer, so the
     * session thread blocks in a write; close() must still return within its shutdown bound.
     */
    @Test
    void closeReturnsWithinItsBoundWhileTheServerIsBlockedWritingToAClient() throws Exception {
        FakeSmtpServer server = FakeSmtpServer.builder().shutdownTimeout(Duration.ofSeconds(1)).build().start();
        Socket flooder = new Socket();
        flooder.setReceiveBufferSize(1024);
        flooder.connect(server.address());
        AtomicLong written = new AtomicLong();
        Thread writer = new Thread(() -> flood(flooder, written), "flooding-client");
        writer.setDaemon(true);
        writer.start();
        try (flooder) {
            awaitStall(written);
            long started = System.nanoTime();
            server.close();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
            assertThat(server.sessions().get(0).end()).isEqualTo(SessionEnd.SERVER_SHUTDOWN);
        }
        writer.join(5_000);
        assertThat(writer.isAlive()).as("the flooding client ends when its socket is closed").isFalse();
    }

    /** A listener runs on the session's thread; one that never returns must not make close() hang. */
    @Test
    void closeReturnsWithinItsBoundWhileAListenerBlocksTheSessionThread() throws Exception {
        FakeSmtpServer server = FakeSmtpServer.builder().shutdownTimeout(Duration.ofMillis(500)).build().start();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.mailbox().onMessage(mail -> {
            entered.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
            smtp.send("BDAT 1 LAST").sendRaw("x");
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            long started = System.nanoTime();
            server.close();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            assertThat(server.isRunning()).isFalse();
        } finally {
            release.countDown();
        }
    }

    private static void flood(Socket socket, AtomicLong written) {
        byte[] noops = "NOOP\r\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
        try {
            OutputStream out = socket.getOutputStream();
            while (true) {
                out.write(noops);
                written.addAndGet(noops.length);
            }
        } catch (IOException e) {
            // The server or the test closed the connection: the flood is over.
        }
    }

    /** Waits (at most 10 s) until the client's writes stop making progress for 300 ms. */
    private static void awaitStall(AtomicLong written) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long last = -1;
        long since = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = written.get();
            if (now != last) {
                last = now;
                since = System.nanoTime();
            } else if (now > 0 && System.nanoTime() - since > 300_000_000L) {
                return;
            }
            LockSupport.parkNanos(10_000_000L);
        }
    }

    private static void awaitSessions(FakeSmtpServer server, int count) {
        Eventually.assertWithin(Duration.ofSeconds(5),
                () -> assertThat(server.sessions()).hasSize(count));
    }
}
