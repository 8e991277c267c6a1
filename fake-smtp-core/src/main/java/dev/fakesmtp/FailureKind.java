package dev.fakesmtp;

/**
 * What kind of failure a {@link FailureCase} is, and so what the client sees of it.
 *
 * <pre>{@code
 * List<FailureCase> transientOnes = FailureCatalog.of(FailureKind.TRANSIENT);
 * }</pre>
 */
public enum FailureKind {
    /**
     * A 4xx reply (RFC 5321 §4.2.1): the server cannot take the mail now. The client sees the 4xx;
     * after a 421 in the middle of a session, which closes the connection, some clients (Eclipse
     * Angus among them) send one more command and report the closed connection instead, which
     * RFC 5321 §3.8 tells them to treat like a 451.
     */
    TRANSIENT,
    /** A 5xx reply (RFC 5321 §4.2.1): the server will not take the mail. The client sees the 5xx. */
    PERMANENT,
    /**
     * The connection ends without a reply: closed (FIN) or reset (RST). The client sees the end
     * of the stream or a reset connection, never a reply code.
     */
    CONNECTION,
    /**
     * A reply that comes too late: the server answers only after two minutes, so the client's
     * read timeout ends the wait. Give the client a short timeout in tests (e.g.
     * {@code mail.smtp.timeout=2000}); without one it waits the two minutes.
     */
    TIMEOUT,
    /** TLS cannot be set up: STARTTLS refused (454), the handshake fails, or STARTTLS is not offered. */
    TLS,
    /** The login is refused (RFC 4954 §6): bad credentials, a temporary failure, a weak mechanism. */
    AUTH
}
