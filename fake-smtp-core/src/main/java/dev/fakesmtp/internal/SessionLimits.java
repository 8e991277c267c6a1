package dev.fakesmtp.internal;

import dev.fakesmtp.SessionEnd;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The idle timeout and the session time limit of one connection, applied to every blocking
 * operation: reads through the socket timeout (see {@link #readTimeoutMillis()}) or, for a
 * virtual thread in clear text, through the server's {@link Watchdog} (see {@link #watched});
 * writes and TLS handshakes through the watchdog, which closes the socket of an operation armed
 * past its deadline.
 */
final class SessionLimits implements Watchdog.Watched {

    private static final long NOT_BLOCKED = Long.MIN_VALUE;
    /** In {@link #readUntil}: the watchdog ended the read in progress, which is to fail as timed out. */
    private static final long READ_EXPIRED = Long.MIN_VALUE + 1;
    private static final VarHandle READ_UNTIL;

    static {
        try {
            READ_UNTIL = MethodHandles.lookup().findVarHandle(SessionLimits.class, "readUntil", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A write after (or just before) the session's time is up still gets this long: its 421 should go out. */
    private static final long LAST_WRITE_GRACE_NANOS = Duration.ofMillis(250).toNanos();
    /** Each write of a shutdown gets at least this long, even when the shutdown's budget for writes is spent. */
    private static final long SHUTDOWN_WRITE_FLOOR_NANOS = Duration.ofMillis(50).toNanos();

    private final SessionRecord record;
    private final Watchdog watchdog;
    private final Runnable closeSocket;
    private final Runnable endReads;
    private final long idleNanos;
    /** When the session time limit passes ({@code System.nanoTime()}); the clock starts at accept. */
    private final long deadline;
    /** Until when the write or handshake in progress may block, or NOT_BLOCKED. */
    private volatile long blockedUntil = NOT_BLOCKED;
    /** During a shutdown's last reply: the latest its writes may end; only its writer reads it. */
    private volatile long shutdownWritesUntil = Long.MAX_VALUE;
    /** Until when the watched read in progress may block, NOT_BLOCKED, or READ_EXPIRED; CAS through READ_UNTIL. */
    private volatile long readUntil = NOT_BLOCKED;
    /** Session thread only: while a stall rule holds the client, reads wait for the session's time limit only. */
    private boolean outlastIdle;

    /**
     * Limits from {@code settings}, counted from now; {@code closeSocket} ends an overdue operation,
     * {@code endReads} (the socket's input shut down, its output left open for the 421) an overdue
     * watched read.
     */
    SessionLimits(ServerSettings settings, SessionRecord record, Watchdog watchdog, Runnable closeSocket,
                  Runnable endReads) {
        this.record = record;
        this.watchdog = watchdog;
        this.closeSocket = closeSocket;
        this.endReads = endReads;
        this.idleNanos = Math.max(1_000_000L, nanos(settings.idleTimeout()));
        this.deadline = System.nanoTime() + nanos(settings.maxSessionDuration());
    }

    /** {@code duration} in nanoseconds, capped at 70 years, so that adding it to a nanoTime cannot overflow. */
    static long nanos(Duration duration) {
        long cap = Long.MAX_VALUE / 4;
        return duration.compareTo(Duration.ofNanos(cap)) > 0 ? cap : duration.toNanos();
    }

    /** True once the session time limit has passed. */
    boolean timeIsUp() {
        return System.nanoTime() - deadline >= 0;
    }

    /**
     * The socket timeout for the next read: the idle timeout, or what is left of the session's
     * time if that is less.
     *
     * @throws SocketTimeoutException if the session's time is up
     */
    int readTimeoutMillis() throws SocketTimeoutException {
        // Rounded up, so a read never times out just before the deadline and passes for idleness.
        long nanos = readBoundFrom(System.nanoTime());
        return (int) Math.min(Integer.MAX_VALUE, (nanos + 999_999L) / 1_000_000L);
    }

    /**
     * How long a read starting at {@code now} may block: the idle timeout (unless a stall outlasts
     * it) or what is left of the session's time, whichever is less.
     */
    private long readBoundFrom(long now) throws SocketTimeoutException {
        long remaining = deadline - now;
        if (remaining <= 0) {
            throw new SocketTimeoutException("Session time limit exceeded");
        }
        return outlastIdle ? remaining : Math.min(idleNanos, remaining);
    }

    /**
     * While true, reads wait until the session's time limit, past the idle timeout: a stall rule
     * outlasts the idle timeout, as a server that never answers would.
     */
    void outlastIdle(boolean outlast) {
        outlastIdle = outlast;
    }

    /** Runs a TLS handshake bounded by the session's time: a client that trickles it is idle on no read. */
    <T> T handshake(Blocking<T> handshake) throws IOException {
        arm(deadline);
        try {
            return handshake.run();
        } finally {
            disarm();
        }
    }

    /** Runs a write that does not go through {@link #bound} (a TLS alert), bounded like any write. */
    <T> T write(Blocking<T> write) throws IOException {
        arm(writeDeadline(System.nanoTime()));
        try {
            return write.run();
        } finally {
            disarm();
        }
    }

    /** An operation that may block on the client. */
    @FunctionalInterface
    interface Blocking<T> {
        /** Runs it. */
        T run() throws IOException;
    }

    /** {@code out} with every write and flush bounded like any write of this session. */
    OutputStream bound(OutputStream out) {
        return new BoundedOutput(out);
    }

    /**
     * {@code in} with every read bounded like {@link #readTimeoutMillis()}, by the watchdog instead
     * of a socket timeout: an overdue read fails with a {@link SocketTimeoutException}, as with the
     * socket timeout. Why: a virtual thread's read with a socket timeout is a timed park, which
     * schedules (and then cancels) a timer task on the JDK's delay scheduler thread and wakes that
     * thread, on every round trip; here a read costs two volatile writes. The read must end when
     * the socket's input is shut down ({@code endReads}), which is what the JDK's poller does for a
     * virtual thread on every platform.
     */
    InputStream watched(InputStream in) {
        return new WatchedInput(in);
    }

    /** From now on (until {@link #endShutdownWrites()}) writes end by {@code until} ({@code System.nanoTime()}). */
    void shutdownWritesUntil(long until) {
        shutdownWritesUntil = until;
    }

    /** Writes are bounded by the idle timeout and the session's time again. */
    void endShutdownWrites() {
        shutdownWritesUntil = Long.MAX_VALUE;
    }

    @Override
    public long watch(long now, long quiet) {
        long next = watchRead(now);
        long wanted = watchWrite(now, quiet);
        return next != NOT_BLOCKED && next - wanted < 0 ? next : wanted;
    }

    /** Ends a watched read past its bound; returns when the one in progress is due, or NOT_BLOCKED. */
    private long watchRead(long now) {
        long until = readUntil;
        if (until == NOT_BLOCKED || until == READ_EXPIRED) {
            return NOT_BLOCKED;
        }
        if (now - until < 0) {
            return until;
        }
        // The CAS fails if the read ended (and maybe another began) since: then nothing is overdue.
        if (READ_UNTIL.compareAndSet(this, until, READ_EXPIRED)) {
            endReads.run();
        }
        return NOT_BLOCKED;
    }

    private long watchWrite(long now, long quiet) {
        long until = blockedUntil;
        if (until != NOT_BLOCKED) {
            if (now - until >= 0) {
                // Blocked past its bound: closing the socket makes the blocked call fail now.
                record.ended(now - deadline >= 0 ? SessionEnd.SESSION_TIME_LIMIT : SessionEnd.IDLE_TIMEOUT);
                closeSocket.run();
                return now + quiet;
            }
            return until;
        }
        // A write armed later is due no sooner than the session's limit, or the quiet time after it.
        return deadline - now > 0 ? deadline : now + quiet;
    }

    private void arm(long until) {
        blockedUntil = until;
        watchdog.armed(until);
    }

    private void disarm() {
        blockedUntil = NOT_BLOCKED;
    }

    /**
     * Until when a write starting at {@code now} may block: the idle timeout, within what is left
     * of the session's time (but a grace to send the last 421), within a shutdown's budget.
     */
    private long writeDeadline(long now) {
        long until = now + Math.min(idleNanos, Math.max(deadline - now, LAST_WRITE_GRACE_NANOS));
        long shutdownUntil = shutdownWritesUntil;
        if (shutdownUntil != Long.MAX_VALUE) {
            long floor = now + SHUTDOWN_WRITE_FLOOR_NANOS;
            if (shutdownUntil - floor < 0) {
                shutdownUntil = floor;
            }
            if (shutdownUntil - until < 0) {
                until = shutdownUntil;
            }
        }
        return until;
    }

    /** Arms the watchdog around every read, so an idle client cannot hold the session past its limits. */
    private final class WatchedInput extends InputStream {
        private final InputStream in;

        WatchedInput(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            long now = System.nanoTime();
            long until = now + readBoundFrom(now);
            readUntil = until;
            watchdog.armed(until);
            int count;
            try {
                count = in.read(bytes, offset, length);
            } catch (IOException | RuntimeException e) {
                if (disarmRead()) {
                    throw new SocketTimeoutException("Read timed out");
                }
                throw e;
            }
            if (disarmRead()) {
                throw new SocketTimeoutException("Read timed out"); // whatever came with the timeout is lost
            }
            return count;
        }

        /** Ends the watch; true when the watchdog had ended the read as overdue. */
        private boolean disarmRead() {
            return (long) READ_UNTIL.getAndSet(SessionLimits.this, NOT_BLOCKED) == READ_EXPIRED;
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }
    }

    /** Arms the watchdog around every write, so a client that does not read cannot hold one forever. */
    private final class BoundedOutput extends OutputStream {
        private final OutputStream out;

        BoundedOutput(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            arm(writeDeadline(System.nanoTime()));
            try {
                out.write(bytes, offset, length);
            } finally {
                disarm();
            }
        }

        @Override
        public void flush() throws IOException {
            arm(writeDeadline(System.nanoTime()));
            try {
                out.flush();
            } finally {
                disarm();
            }
        }
    }
}
