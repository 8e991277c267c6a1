package dev.fakesmtp;

/** An unchecked failure of fake-smtp: a server that cannot bind, a message that cannot be parsed. */
public class FakeSmtpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message that says what went wrong and what to do.
     *
     * @param message what went wrong
     */
    public FakeSmtpException(String message) {
        super(message);
    }

    /**
     * An exception with a message and the exception that caused it.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public FakeSmtpException(String message, Throwable cause) {
        super(message, cause);
    }
}
