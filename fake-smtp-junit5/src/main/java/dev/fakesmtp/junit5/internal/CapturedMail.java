package dev.fakesmtp.junit5.internal;

/**
 * Added to a failed test's exception as a suppressed exception, so that its stack trace ends with
 * one line naming the mail report: {@code Suppressed: Captured mail: file:///.../index.html}.
 * It has no stack trace of its own and prints as that line alone.
 */
final class CapturedMail extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A note naming the report at {@code uri}. */
    CapturedMail(String uri) {
        super("Captured mail: " + uri, null, false, false);
    }

    /** Just the message: the line reads {@code Suppressed: Captured mail: file:///...}. */
    @Override
    public String toString() {
        return getMessage();
    }
}
