package dev.fakesmtp;

/** How an SMTP session ended, or {@link #OPEN} while it goes on. */
public enum SessionEnd {
    /** The connection is still open. */
    OPEN,
    /** The client sent QUIT and got 221. */
    QUIT,
    /** The client closed or reset the connection without QUIT. */
    CLIENT_DISCONNECTED,
    /** The client was silent longer than the idle timeout; the server sent 421 and closed. */
    IDLE_TIMEOUT,
    /** The session outlived the server's session time limit; the server sent 421 and closed. */
    SESSION_TIME_LIMIT,
    /** The client sent too many bad commands in a row; the server sent 421 and closed. */
    TOO_MANY_ERRORS,
    /**
     * The client broke the protocol so that the server could no longer tell its data from its
     * commands (a BDAT without a readable chunk size); the server sent 421 and closed.
     */
    PROTOCOL_ERROR,
    /** The connection was over the server's connection limit; the server sent 421 and closed. */
    CONNECTION_LIMIT,
    /** The server was closed while the session was open; it sent 421 and closed. */
    SERVER_SHUTDOWN,
    /** The TLS handshake (STARTTLS or implicit) failed; the connection was closed. */
    TLS_HANDSHAKE_FAILED,
    /** A failure rule closed or reset the connection (or replied 421). */
    CLOSED_BY_RULE,
    /** An I/O error other than the client going away. */
    ERROR
}
