package dev.fakesmtp.internal;

import dev.fakesmtp.SessionEnd;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The idle timeout and the session time limit of one connection, applied to every blocking
 * operation: reads through the socket timeout (see {@link #readTimeoutMillis()}), writes and TLS
 * handshakes through the server's {@link Watchdog}, which closes the socket of an operation
 * armed past its deadline.
 */
final class SessionLimits implements Watchdog.Watched {

    private static final long NOT_BLOCKED = Long.MIN_VALUE;
    /** A write after (or just before) the session's time is up still gets this long: its 421 should go out. */
    private static final long LAST_WRITE_GRACE_NANOS = Duration.ofMillis(250).toNanos();
    /** Each write of a shutdown gets at least this long, even when the shutdown's budget for writes is spent. */
    private static final long SHUTDOWN_WRITE_FLOOR_NANOS = Duration.ofMillis(50).toNanos();

    private final SessionRecord record;
    private final Watchdog watchdog;
    private final Runnable closeSocket;
    private final long idleNanos;
    /** When the session time limit passes ({@code System.nanoTime()}); the clock starts at accept. */
    private final long deadline;
    /** Until when the write or handshake in progress may block, or NOT_BLOCKED. */
    private volatile long blockedUntil = NOT_BLOCKED;
    /** During a shutdown's last reply: the latest its writes may end; only its writer reads it. */
    private volatile long shutdownWritesUntil = Long.MAX_VALUE;

    /** Limits from {@code settings}, counted from now; {@code closeSocket} ends an overdue operation. */
    SessionLimits(ServerSettings settings, SessionRecord record, Watchdog watchdog, Runnable closeSocket) {
        this.record = record;
        this.watchdog = watchdog;
        this.closeSocket = closeSocket;
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
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new SocketTimeoutException("Session time limit exceeded");
        }
        // Rounded up, so a read never times out just before the deadline and passes for idleness.
        long nanos = Math.min(idleNanos, remaining);
        return (int) Math.min(Integer.MAX_VALUE, (nanos + 999_999L) / 1_000_000L);
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
