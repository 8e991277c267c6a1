package dev.fakesmtp.internal;

import dev.fakesmtp.Extension;
import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.TlsInfo;
import dev.fakesmtp.internal.tls.TlsHandshake;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLSocket;

/**
 * The transport under a {@link Session}: the accepted TCP socket, the streams the dialogue reads
 * and writes (plain, or through a TLS layer), and the idle and session-time limits on reads.
 */
final class Connection {

    /** A normal flush holds the writer for microseconds; one that holds it longer is stuck. */
    private static final Duration SHUTDOWN_WRITE_WAIT = Duration.ofMillis(250);

    /** The accepted TCP socket; closing it ends the session even while TLS is layered on it. */
    private final Socket rawSocket;
    private final ServerSettings settings;
    private final SessionRecord record;
    private final long idleMillis;
    private long deadline;
    private volatile SmtpInput input;
    private volatile ReplyWriter writer;

    Connection(Socket rawSocket, ServerSettings settings, SessionRecord record) {
        this.rawSocket = rawSocket;
        this.settings = settings;
        this.record = record;
        this.idleMillis = Math.max(1, Math.min(Integer.MAX_VALUE, settings.idleTimeout().toMillis()));
    }

    /** Starts the session clock and sets the socket options; call first, on the session thread. */
    void open() throws IOException {
        deadline = System.nanoTime() + settings.maxSessionDuration().toNanos();
        rawSocket.setTcpNoDelay(true);
        rawSocket.setSoTimeout((int) idleMillis);
    }

    /** Reads and writes on the plain socket. */
    void usePlainStreams() throws IOException {
        useStreams(rawSocket);
    }

    /**
     * Runs the server side of a TLS handshake over the TCP socket and reads and writes through
     * it from now on; returns what was negotiated.
     */
    TlsInfo useTls(boolean implicit) throws IOException {
        SSLSocket tlsSocket = TlsHandshake.serverSide(rawSocket, settings.tls());
        useStreams(tlsSocket);
        return TlsHandshake.info(tlsSocket, implicit);
    }

    private void useStreams(Socket current) throws IOException {
        writer = new ReplyWriter(current.getOutputStream(), record, settings.advertises(Extension.ENHANCED_STATUS_CODES));
        input = new SmtpInput(current.getInputStream(), this::beforeBlocking);
    }

    SmtpInput input() {
        return input;
    }

    ReplyWriter writer() {
        return writer;
    }

    /** True when the client has sent bytes that are waiting unread on the plain socket. */
    boolean clientSentEarly() throws IOException {
        return rawSocket.getInputStream().available() > 0;
    }

    /** The TCP socket's output, under any TLS layer (to break a handshake on purpose). */
    OutputStream rawOutput() throws IOException {
        return rawSocket.getOutputStream();
    }

    /** What a client did while the server kept it waiting. */
    enum ClientActivity {
        /** Nothing arrived. */
        SILENT,
        /** Bytes arrived; they wait in the input buffer for the next read. */
        SENT,
        /** The client closed the connection (or sent its TLS close_notify). */
        CLOSED
    }

    /**
     * Waits up to {@code millis} for the client, keeping whatever it sends for the next read:
     * how a delayed reply notices a client that gave up.
     */
    ClientActivity watchClient(long millis) throws IOException {
        if (input.hasBuffered()) {
            return ClientActivity.SENT;
        }
        flushQuietly();
        rawSocket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, millis)));
        try {
            return input.fillWithoutHook() ? ClientActivity.SENT : ClientActivity.CLOSED;
        } catch (SocketTimeoutException e) {
            return ClientActivity.SILENT;
        }
    }

    /** True once the session time limit has passed. */
    boolean deadlinePassed() {
        return System.nanoTime() - deadline >= 0;
    }

    /** True once the TCP socket was closed (by the session or by the server's close()). */
    boolean isClosed() {
        return rawSocket.isClosed();
    }

    /** Sends a last reply, ignoring a client that is already gone. */
    void sendQuietly(SmtpReply reply) {
        try {
            writer.send(reply);
        } catch (IOException | RuntimeException e) {
            // The client is gone; the session ends either way.
        }
    }

    /**
     * From another thread (the server's close()): sends a reply unless the writer is stuck on a
     * client that does not read; closing the socket afterwards ends even that write.
     */
    void trySendFromOtherThread(SmtpReply reply) {
        ReplyWriter current = writer;
        if (current != null) {
            try {
                current.trySend(reply, SHUTDOWN_WRITE_WAIT);
            } catch (IOException | RuntimeException e) {
                // The client is gone or stuck: closing the socket is all that is left.
            }
        }
    }

    /** Closes the TCP socket (not a TLS layer, whose close may block); safe from any thread. */
    void close(boolean reset) {
        if (reset) {
            try {
                rawSocket.setSoLinger(true, 0); // linger 0 makes close() send RST instead of FIN
            } catch (IOException e) {
                // Then it closes with a FIN; the connection ends either way.
            }
        }
        try {
            rawSocket.close();
        } catch (IOException e) {
            // Nothing to do: the socket is unusable either way.
        }
    }

    /**
     * Runs before every blocking read: sends the queued replies (the client waits for them) and
     * bounds the read by the idle timeout and what is left of the session time limit.
     */
    private void beforeBlocking() throws IOException {
        flushQuietly();
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new SocketTimeoutException("Session time limit exceeded");
        }
        // Rounded up, so a read never times out just before the deadline and passes for idleness.
        rawSocket.setSoTimeout((int) Math.max(1, Math.min(idleMillis, (remaining + 999_999L) / 1_000_000L)));
    }

    private void flushQuietly() {
        try {
            writer.flush();
        } catch (IOException e) {
            // A failed write shows up as a failed read or write on the session thread next.
        }
    }
}
