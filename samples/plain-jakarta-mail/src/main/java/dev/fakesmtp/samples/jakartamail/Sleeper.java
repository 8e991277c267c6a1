package dev.fakesmtp.samples.jakartamail;

import java.time.Duration;

/**
 * How the {@link Notifier} waits between attempts. Production code sleeps; a test passes one
 * that records the delays and returns at once, so the back-off is checked without waiting.
 */
@FunctionalInterface
public interface Sleeper {

    /** Waits for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps the current thread. */
    static Sleeper threadSleep() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
