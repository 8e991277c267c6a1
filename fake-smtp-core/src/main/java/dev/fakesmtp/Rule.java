package dev.fakesmtp;

/**
 * A failure rule added with {@link FakeSmtpServer#on(Trigger)}: it knows how often it fired and
 * can be removed while the server runs.
 */
public interface Rule {

    /** {@return how many times the rule fired (its effect happened)} */
    int timesFired();

    /** {@return how many times its trigger matched, fired or not (a {@code once()} rule matches on)} */
    int timesMatched();

    /** Removes the rule; sessions stop seeing it at their next command. Idempotent. */
    void remove();

    /** {@return a one-line description, as it appears in transcripts: trigger, count and effect} */
    String description();
}
