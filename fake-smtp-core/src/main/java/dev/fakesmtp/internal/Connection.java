package dev.fakesmtp.internal;

import dev.fakesmtp.Extension;
import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.TlsInfo;
import dev.fakesmtp.internal.tls.TlsHandshake;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLSocket;

/**
 * The transport under a {@link Session}: the accepted TCP socket, the streams the dialogue reads
 * and writes (plain, or through a TLS layer), and the end of the connection, in order (with
 * close_notify under TLS) or abrupt. Every blocking operation is bounded by its
 * {@link SessionLimits}.
 */
final class Connection {

    /** The accepted TCP socket; closing it ends the session even while TLS is layered on it. */
    private final Socket rawSocket;
    private final ServerSettings settings;
    private final SessionRecord record;
    private final SessionLimits limits;
    /**
     * Held by every write, by the switch to TLS and by the end of the output, so that a shutdown's
     * 421 (sent from another thread) never lands inside a reply, a handshake or after the end.
     */
    private final ReentrantLock lock = new ReentrantLock();
    private volatile SmtpInput input;
    private volatile ReplyWriter writer;
    private volatile SSLSocket tlsSocket;
    /** Under the lock: true once the output has ended (close_notify sent). */
    private boolean outputEnded;
    /** Whether the session runs on a virtual thread, whose reads in clear text the watchdog bounds. */
    private final boolean virtualThread;
    /** True while reads go through {@link SessionLimits#watched} rather than a socket timeout. */
    private boolean watchedReads;
    /** The socket's read timeout as last set (0: none), so an unchanged one is not set again. */
    private int soTimeout;

    Connection(Socket rawSocket, ServerSettings settings, SessionRecord record, Watchdog watchdog,
               boolean virtualThread) {
        this.rawSocket = rawSocket;
        this.settings = settings;
        this.record = record;
        this.virtualThread = virtualThread;
        this.limits = new SessionLimits(settings, record, watchdog, () -> close(false), this::shutdownInputQuietly);
    }

    /** Sets the socket options; call first, on the session thread. */
    void open() throws IOException {
        rawSocket.setTcpNoDelay(true);
        if (!virtualThread) {
            soTimeout(limits.readTimeoutMillis());
        }
    }

    /** The limits on this connection's blocking operations, which the watchdog looks at. */
    SessionLimits limits() {
        return limits;
    }

    /** Reads and writes on the plain socket. */
    void usePlainStreams() throws IOException {
        useStreams(rawSocket);
    }

    /**
     * Runs the server side of a TLS handshake over the TCP socket, bounded by the session time
     * limit, and reads and writes through it from now on; returns what was negotiated.
     */
    TlsInfo useTls(boolean implicit) throws IOException {
        lock.lock();
        try {
            soTimeout(limits.readTimeoutMillis());
            SSLSocket tls = limits.handshake(() -> TlsHandshake.serverSide(rawSocket, settings.tls()));
            tlsSocket = tls;
            useStreams(tls);
            return TlsHandshake.info(tls, implicit);
        } finally {
            lock.unlock();
        }
    }

    private void useStreams(Socket current) throws IOException {
        writer = new ReplyWriter(limits.bound(current.getOutputStream()), record,
                settings.advertises(Extension.ENHANCED_STATUS_CODES), lock);
        // Under TLS reads keep the socket timeout: an overdue read there ends with its socket's
        // input, and the TLS layer might then take the output down too, before the 421.
        watchedReads = virtualThread && current == rawSocket;
        input = new SmtpInput(watchedReads ? limits.watched(current.getInputStream()) : current.getInputStream(),
                this::beforeBlocking);
    }

    SmtpInput input() {
        return input;
    }

    ReplyWriter writer() {
        return writer;
    }

    /** True when the client has sent bytes that are waiting unread (on the plain socket, or buffered). */
    boolean clientSentEarly() throws IOException {
        // A delay rule that watched the client may already have taken its bytes into the buffer.
        return input.hasBuffered() || rawSocket.getInputStream().available() > 0;
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
        soTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, millis)));
        try {
            return input.fillWithoutHook() ? ClientActivity.SENT : ClientActivity.CLOSED;
        } catch (SocketTimeoutException e) {
            return ClientActivity.SILENT;
        }
    }

    /** True once the TCP socket was closed (by the session, the watchdog or the server's close()). */
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
     * From the server's close(), on another thread: sends {@code reply} and ends the output
     * (close_notify under TLS), once no other write is in progress. Gives up when another thread
     * keeps writing past {@code turnUntil}, returning false; its own writes may block until
     * {@code writesUntil} at most ({@code System.nanoTime()} values).
     */
    boolean sendLastFromOtherThread(SmtpReply reply, long turnUntil, long writesUntil) {
        try {
            if (!lock.tryLock(Math.max(0, turnUntil - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            ReplyWriter current = writer;
            if (current != null && !outputEnded && !rawSocket.isClosed()) {
                limits.shutdownWritesUntil(writesUntil);
                current.send(reply);
                endOutput();
            }
        } catch (IOException | RuntimeException e) {
            // The client is gone or stuck: closing the socket is all that is left.
        } finally {
            limits.endShutdownWrites();
            lock.unlock();
        }
        return true;
    }

    /**
     * Ends the session in order: under TLS a close_notify alert first (RFC 8446 §6.1), bounded
     * like any write, then the TCP socket is closed.
     */
    void closeInOrder() {
        try {
            // Waits for a shutdown's 421 in progress: its writes are bounded, and close() interrupts.
            lock.lockInterruptibly();
            try {
                if (!rawSocket.isClosed()) {
                    endOutput();
                }
            } catch (IOException | RuntimeException e) {
                // The client is gone: there is nobody to tell.
            } finally {
                lock.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is closing: no time for courtesy
        }
        close(false);
    }

    /** Under the lock: the close_notify alert under TLS; in clear text, closing the socket says it all. */
    private void endOutput() throws IOException {
        SSLSocket tls = tlsSocket;
        if (tls != null && !outputEnded) {
            outputEnded = true;
            // Unlike close(), shutdownOutput never waits for the client's close_notify or for a reader.
            limits.write(() -> {
                tls.shutdownOutput();
                return null;
            });
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
        soTimeout(watchedReads ? 0 : limits.readTimeoutMillis());
    }

    private void soTimeout(int millis) throws IOException {
        if (millis != soTimeout) {
            rawSocket.setSoTimeout(millis);
            soTimeout = millis;
        }
    }

    /** From the watchdog: ends a watched read that is overdue; the output stays open for the 421. */
    private void shutdownInputQuietly() {
        try {
            rawSocket.shutdownInput();
        } catch (IOException e) {
            close(false); // e.g. already closed: then the read has failed already, or fails now
        }
    }

    private void flushQuietly() {
        try {
            writer.flush();
        } catch (IOException e) {
            // A failed write shows up as a failed read or write on the session thread next.
        }
    }
}
