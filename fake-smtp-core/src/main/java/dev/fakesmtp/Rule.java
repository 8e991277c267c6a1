package dev.fakesmtp;

/**
 * A failure rule added with {@link FakeSmtpServer#on(Trigger)}: it knows how often it fired and
 * can be removed while the server runs.
 */
public interface Rule {

    /**
     * How many times the rule fired (its effect happened).
     *
     * @return the count, across all connections
     */
    int timesFired();

    /**
     * How many times its trigger matched, fired or not (a {@code once()} rule matches on).
     *
     * @return the count, across all connections
     */
    int timesMatched();

    /**
     * Removes the rule; sessions stop seeing it at their next command, a delay it imposes ends at
     * once and a stall it holds closes its connection. Idempotent.
     */
    void remove();

    /**
     * A one-line description, as it appears in transcripts: name, trigger, count and effect.
     *
     * @return e.g. {@code "rule #1 (greylisting): on RCPT, once, reply 451 4.7.1 Greylisted"}
     */
    String description();
}
