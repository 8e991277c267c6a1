package dev.fakesmtp.samples.jakartamail;

import java.time.Duration;
import java.util.Objects;

/**
 * How often the {@link Notifier} tries and how long it waits in between: the first retry after
 * {@code firstDelay}, each later one after twice the previous delay (exponential back-off).
 *
 * @param maxAttempts how many attempts in all, at least 1
 * @param firstDelay  the wait before the second attempt
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay) {

    /** Checks the bounds. */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(firstDelay, "firstDelay");
        if (firstDelay.isNegative()) {
            throw new IllegalArgumentException("firstDelay must not be negative, was " + firstDelay);
        }
    }

    /** A single attempt, no retry. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO);
    }

    /** {@code maxAttempts} attempts, waiting {@code firstDelay}, then twice as long each time. */
    public static RetryPolicy of(int maxAttempts, Duration firstDelay) {
        return new RetryPolicy(maxAttempts, firstDelay);
    }

    /** The wait before attempt {@code attempt} (2 or more): firstDelay, 2 × firstDelay, 4 × firstDelay... */
    public Duration delayBefore(int attempt) {
        if (attempt < 2) {
            throw new IllegalArgumentException("Only retries (attempt 2 and later) wait, not attempt " + attempt);
        }
        return firstDelay.multipliedBy(1L << Math.min(attempt - 2, 30));
    }
}
