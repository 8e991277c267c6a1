package dev.fakesmtp.internal.rules;

import java.util.SplittableRandom;

/**
 * How often a rule fires, decided from the index of the match alone (1 for the first match, 2
 * for the second, ...): so a claim is one atomic increment, and a seeded probability gives the
 * same sequence on every run.
 */
public interface Count {

    /** Whether the {@code n}-th match fires. */
    boolean fires(long n);

    /** A description for the rule's toString, e.g. {@code "once"}. */
    String description();

    /** Every match. */
    static Count always() {
        return of("always", n -> true);
    }

    /** The first {@code times} matches. */
    static Count times(int times) {
        return of(times == 1 ? "once" : times + " times", n -> n <= times);
    }

    /** Only the {@code nth} match. */
    static Count onlyNth(int nth) {
        return of("only match #" + nth, n -> n == nth);
    }

    /** The {@code nth} match and every one after. */
    static Count fromNth(int nth) {
        return of("from match #" + nth, n -> n >= nth);
    }

    /** Each match with probability {@code p}, decided by a generator seeded with {@code seed} and n. */
    static Count probability(double p, long seed) {
        return of("with probability " + p + " (seed " + seed + ")",
                n -> new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n).nextDouble() < p);
    }

    private static Count of(String description, java.util.function.LongPredicate fires) {
        return new Count() {
            @Override
            public boolean fires(long n) {
                return fires.test(n);
            }

            @Override
            public String description() {
                return description;
            }
        };
    }
}
