package dev.fakesmtp.support;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.TranscriptLine;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A client that pipelines HELPs without end and never reads a reply, with a small receive
 * buffer. Each HELP (6 octets) gets a reply some thirty times as long, so the server fills the
 * buffers towards this client long before it has read much, and is then stuck writing to it. It writes from a daemon thread of its own; closing it (or the server closing the
 * connection) ends that thread.
 *
 * <pre>{@code
 * try (NonReadingClient flood = NonReadingClient.connect(server.host(), server.port())) {
 *     flood.awaitStuck(server);   // the server now blocks in a write to this client
 * }
 * }</pre>
 */
public final class NonReadingClient implements AutoCloseable {

    private static final byte[] HELPS = "HELP\r\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
    private static final long STUCK_NANOS = Duration.ofMillis(500).toNanos();

    private final Socket socket;
    private final AtomicLong written = new AtomicLong();
    private final Thread writer;

    private NonReadingClient(Socket socket) {
        this.socket = socket;
        this.writer = new Thread(this::flood, "non-reading-client-" + socket.getLocalPort());
        writer.setDaemon(true);
        writer.start();
    }

    /** Connects (with a 4 KiB receive buffer) and starts flooding at once. */
    public static NonReadingClient connect(String host, int port) {
        Socket socket = new Socket();
        try {
            socket.setReceiveBufferSize(4096); // before connect, so the window is small from the start
            socket.connect(new InetSocketAddress(host, port), 5_000);
            return new NonReadingClient(socket);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException(e);
        }
    }

    private void flood() {
        try {
            OutputStream out = socket.getOutputStream();
            while (true) {
                out.write(HELPS);
                written.addAndGet(HELPS.length);
            }
        } catch (IOException e) {
            // The server or the test closed the connection: the flood is over.
        }
    }

    /**
     * Waits (20 s at most) until neither this client's writes nor its session's transcript have
     * moved for half a second: the server no longer reads from it because it is blocked writing
     * replies nobody reads (a server merely slowed down by a busy machine still adds lines).
     *
     * @throws AssertionError if the connection ends first, or the server keeps reading
     */
    public void awaitStuck(FakeSmtpServer server) {
        if (!awaitStuckOrEnd(server)) {
            throw new AssertionError("The connection ended before the server got stuck; "
                    + written.get() + " octets written");
        }
    }

    /** Like {@link #awaitStuck}, but returns false when the connection ends first (a limit the server enforces). */
    public boolean awaitStuckOrEnd(FakeSmtpServer server) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Object last = null;
        long since = System.nanoTime();
        while (System.nanoTime() - deadline < 0) {
            Object now = List.of(written.get(), lastLine(server));
            if (!now.equals(last)) {
                last = now;
                since = System.nanoTime();
            } else if (written.get() > 0 && System.nanoTime() - since > STUCK_NANOS) {
                return true;
            }
            if (!writer.isAlive()) {
                return false;
            }
            LockSupport.parkNanos(10_000_000L);
        }
        throw new AssertionError("The server kept reading for 20 s; " + written.get() + " octets written");
    }

    private Optional<TranscriptLine> lastLine(FakeSmtpServer server) {
        int port = socket.getLocalPort();
        return server.sessions().stream().filter(session -> session.clientAddress().getPort() == port)
                .map(SmtpSession::transcript).filter(lines -> !lines.isEmpty())
                .map(lines -> lines.get(lines.size() - 1)).findFirst();
    }

    /** True while the client's writing thread still runs (its connection is open). */
    public boolean flooding() {
        return writer.isAlive();
    }

    /** Waits (5 s at most) for the writing thread to end, which it does once the connection is closed. */
    public boolean awaitEnd() throws InterruptedException {
        writer.join(5_000);
        return !writer.isAlive();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
