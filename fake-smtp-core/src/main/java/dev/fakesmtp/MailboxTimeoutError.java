package dev.fakesmtp;

/**
 * Thrown when a {@link Mailbox} await times out. An {@link AssertionError}, so a test fails
 * (rather than errors); its message lists what did arrive and the tail of the last session's
 * transcript, which is usually enough to see why the expected mail never came.
 */
public final class MailboxTimeoutError extends AssertionError {

    private static final long serialVersionUID = 1L;

    /**
     * An error with the full explanation as its message.
     *
     * @param message what was awaited and what did arrive
     */
    public MailboxTimeoutError(String message) {
        super(message);
    }
}
