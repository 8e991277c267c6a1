package dev.fakesmtp.internal;

/**
 * Where a session is in the RFC 5321 dialogue. DATA is not a state of its own: the DATA handler
 * reads the whole message before it returns.
 */
public enum SessionState {
    /** Greeted by the server; the client has not sent EHLO or HELO. */
    CONNECTED,
    /** After EHLO/HELO, no transaction open. */
    READY,
    /** After MAIL FROM, no recipient accepted yet. */
    MAIL,
    /** At least one recipient accepted. */
    RCPT,
    /** At least one BDAT chunk without LAST accepted. */
    CHUNKING
}
