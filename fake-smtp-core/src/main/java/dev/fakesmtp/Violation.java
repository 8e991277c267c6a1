package dev.fakesmtp;

import java.util.Objects;

/**
 * Something the client did that breaks the SMTP rules, recorded on its session; the server
 * stays lenient and goes on, so a test can assert on these instead of chasing a real MTA's
 * rejection later.
 *
 * @param type what kind of rule was broken
 * @param detail the offending line or a description, for the failure message
 */
public record Violation(Type type, String detail) {

    /** The kinds of client protocol violation the server detects. */
    public enum Type {
        /** A command or data line ended in a bare LF instead of CRLF. */
        BARE_LF,
        /** A CR not followed by LF. */
        BARE_CR,
        /** A command line longer than the 512 octets of RFC 5321 §4.5.3.1.4. */
        COMMAND_LINE_TOO_LONG,
        /** A text line in DATA longer than the 1,000 octets of RFC 5321 §4.5.3.1.6. */
        TEXT_LINE_TOO_LONG,
        /** 8-bit data sent without {@code BODY=8BITMIME} or {@code BODY=BINARYMIME}. */
        EIGHT_BIT_WITHOUT_8BITMIME,
        /** A command sent in the wrong state (answered with 503). */
        COMMAND_OUT_OF_SEQUENCE,
        /** The client closed the connection without QUIT. */
        NO_QUIT,
        /** AUTH on a connection without TLS although the server offered STARTTLS. */
        AUTH_WITHOUT_TLS,
        /** Bytes pipelined after STARTTLS, before the handshake; they were discarded (RFC 3207 §4.2). */
        DATA_AFTER_STARTTLS,
        /** The client sent before the server's greeting (an "early talker", RFC 5321 §4.3.1). */
        COMMAND_BEFORE_GREETING,
        /** Commands sent without waiting for replies although PIPELINING was not advertised (RFC 2920). */
        PIPELINING_NOT_ADVERTISED,
        /** A command sent without waiting after EHLO, VRFY, EXPN, NOOP, QUIT or AUTH, which end a group (RFC 2920 §3.1). */
        PIPELINING_AFTER_GROUP_END,
        /** A non-ASCII address without SMTPUTF8 (RFC 6531 §3.4); the server answered 553. */
        NON_ASCII_WITHOUT_SMTPUTF8,
        /** More message octets than MAIL's SIZE parameter declared (RFC 1870 §6). */
        SIZE_EXCEEDED_DECLARED,
        /** A message without a Date or From header (RFC 5322 §3.6) or without a Message-ID (SHOULD). */
        MISSING_HEADER
    }

    /**
     * Checks that no part is null.
     *
     * @param type what kind of mistake
     * @param detail what exactly the client sent
     */
    public Violation {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return type + ": " + detail;
    }
}
