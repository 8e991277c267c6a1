package dev.fakesmtp;

/**
 * Thrown when a {@link Mailbox} await times out. An {@link AssertionError}, so a test fails
 * (rather than errors); its message lists what did arrive (the first 25 messages), then the end
 * of the last session's dialogue (commands, replies and notes, each message's content folded
 * into one line), which is usually enough to see why the expected mail never came.
 */
public final class MailboxTimeoutError extends AssertionError {

    private static final long serialVersionUID = 1L;

    /**
     * An error with the full explanation as its message.
     *
     * @param message what was expected, what arrived, and the last session's dialogue
     */
    public MailboxTimeoutError(String message) {
        super(message);
    }
}
