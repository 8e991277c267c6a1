package dev.fakesmtp.internal;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * One thread per server that ends the blocking operations a socket timeout cannot bound: a
 * write to a client that does not read, a TLS handshake the client trickles. Each connection
 * arms a deadline before such an operation and disarms it after; the watchdog closes the socket
 * of one still armed past its deadline, which makes the blocked call fail at once.
 *
 * <p>It sleeps until the earliest moment anything could be overdue: a wake-up per quiet period
 * (the smaller of the idle timeout and the session time limit) when nothing happens, and one at
 * each session's time limit. Arming costs a few volatile
 * accesses; a connection wakes the watchdog only when its deadline comes before the watchdog's
 * next look, which happens only for the last writes of a session past its time limit and for
 * the 421s of a shutdown.
 */
final class Watchdog {

    private static final System.Logger LOG = System.getLogger(Watchdog.class.getName());

    /** A connection as the watchdog sees it. */
    interface Watched {
        /**
         * Closes the connection if an operation is armed past its deadline, and returns when it
         * next needs a look ({@code System.nanoTime()}); the watchdog looks again at the earliest
         * of these, and at {@code now + quiet} at the latest.
         */
        long watch(long now, long quiet);
    }

    private final Iterable<? extends Watched> watched;
    private final long quietNanos;
    private volatile Thread thread;
    private volatile boolean stopped;
    private volatile long nextLook;
    private volatile boolean looking = true;

    /**
     * A watchdog over {@code watched} (a live view, iterated on every look) that looks at least
     * every {@code quiet}: the shortest time any connection could arm, the smaller of the idle
     * timeout and the session time limit.
     */
    Watchdog(Iterable<? extends Watched> watched, Duration quiet) {
        this.watched = watched;
        this.quietNanos = Math.max(1, SessionLimits.nanos(quiet));
    }

    /**
     * Starts the watchdog's thread unless it runs already: on the first connection, so a server
     * nobody connects to never has one. Called by one thread at a time.
     */
    void startOnce(String name) {
        if (thread == null) {
            Thread started = ConnectionThreads.newThread(name, this::run);
            thread = started;
            started.start();
        }
    }

    /** Called after a connection armed {@code deadline}: wakes the watchdog if it would look too late. */
    void armed(long deadline) {
        if (looking || deadline - nextLook < 0) {
            wake();
        }
    }

    /** Stops the thread and waits for it until {@code deadline} ({@code System.nanoTime()}). */
    void stop(long deadline) {
        stopped = true;
        wake();
        Thread running = thread;
        if (running != null) {
            Threads.join(running, deadline);
        }
    }

    private void wake() {
        Thread running = thread;
        if (running != null) {
            LockSupport.unpark(running);
        }
    }

    private void run() {
        while (!stopped) {
            // While looking, every arming wakes the thread again: nothing armed during a look is missed.
            looking = true;
            long now = System.nanoTime();
            long next = now + quietNanos;
            for (Watched connection : watched) {
                long wanted;
                try {
                    wanted = connection.watch(now, quietNanos);
                } catch (RuntimeException e) {
                    // One connection's failure must not end the watch over all the others.
                    LOG.log(System.Logger.Level.ERROR, "fake-smtp watchdog: a connection could not be checked", e);
                    continue;
                }
                if (wanted - next < 0) {
                    next = wanted;
                }
            }
            nextLook = next;
            looking = false;
            long sleep = next - System.nanoTime();
            if (sleep > 0 && !stopped) {
                LockSupport.parkNanos(this, sleep);
            }
        }
    }
}
