package dev.fakesmtp;

/**
 * Where in the SMTP dialogue a {@link FailureCase} hits: the command whose reply fails, or the
 * connection itself.
 *
 * <pre>{@code
 * List<FailureCase> rcptFailures = FailureCatalog.at(FailureStage.RCPT);
 * }</pre>
 */
public enum FailureStage {
    /** The new connection, before or instead of the 220 greeting. */
    CONNECT("CONNECT"),
    /** EHLO (and the HELO a client falls back to). */
    EHLO("EHLO"),
    /** STARTTLS and its handshake (RFC 3207). */
    STARTTLS("STARTTLS"),
    /** AUTH, after the client sent its credentials (RFC 4954). */
    AUTH("AUTH"),
    /** MAIL FROM. */
    MAIL("MAIL"),
    /** RCPT TO. */
    RCPT("RCPT"),
    /** The DATA command, before its 354. */
    DATA("DATA"),
    /** The end of the message: the final dot of DATA (or BDAT LAST), before or after the server took it. */
    END_OF_DATA("end of DATA"),
    /** A BDAT chunk (RFC 3030 CHUNKING). */
    BDAT("BDAT");

    private final String label;

    FailureStage(String label) {
        this.label = label;
    }

    /**
     * How display names show the stage.
     *
     * @return the command, e.g. {@code "RCPT"}, or {@code "CONNECT"} and {@code "end of DATA"}
     */
    public String label() {
        return label;
    }
}
