package dev.fakesmtp.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Retries an assertion until it passes or a deadline is reached, pausing 10 ms between tries.
 * For state the server changes on its own thread (a session ending after a disconnect); mail
 * is awaited with {@code mailbox().awaitMessages}, not with this.
 *
 * <pre>{@code
 * Eventually.assertWithin(Duration.ofSeconds(5),
 *         () -> assertThat(server.sessions().get(0).end()).isEqualTo(SessionEnd.QUIT));
 * }</pre>
 */
public final class Eventually {

    private static final long PAUSE_NANOS = 10_000_000L;

    private Eventually() {
    }

    /** Runs {@code assertion} until it does not throw an {@link AssertionError}; rethrows the last one at the deadline. */
    public static void assertWithin(Duration timeout, Runnable assertion) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() - deadline >= 0) {
                    AssertionError timedOut = new AssertionError("Still failing after " + timeout + ": " + e.getMessage(), e);
                    throw timedOut;
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                LockSupport.parkNanos(PAUSE_NANOS);
            }
        }
    }
}
