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
        /** A command line, an authentication response or message content with an LF not preceded by CR. */
        BARE_LF,
        /** A CR not followed by LF, in a command line, an authentication response or message content. */
        BARE_CR,
        /**
         * A command line longer than the 512 octets of RFC 5321 §4.5.3.1.4 plus what the ESMTP
         * parameters on it allow (or than {@code maxCommandLineLength} plus the same).
         */
        COMMAND_LINE_TOO_LONG,
        /**
         * A message line (DATA, or BDAT without BODY=BINARYMIME) longer than the 1,000 octets of
         * RFC 5321 §4.5.3.1.6, or {@code maxTextLineLength}.
         */
        TEXT_LINE_TOO_LONG,
        /** A NUL octet in message content without BODY=BINARYMIME (RFC 2045 §2.7, §2.8; RFC 3030 §3). */
        NUL_IN_CONTENT,
        /** 8-bit data sent without {@code BODY=8BITMIME} or {@code BODY=BINARYMIME}. */
        EIGHT_BIT_WITHOUT_8BITMIME,
        /**
         * A command sent in the wrong state, including BDAT, AUTH or STARTTLS without EHLO
         * (answered with 503).
         */
        COMMAND_OUT_OF_SEQUENCE,
        /**
         * A command that breaks RFC 5321's grammar in a way the server tolerates unless strict:
         * a space after {@code FROM:} or {@code TO:}, an EHLO or HELO name that is neither a
         * domain nor an address literal (RFC 5321 §4.1.1.1, §4.1.2).
         */
        COMMAND_SYNTAX,
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
        /**
         * A command sent without waiting after EHLO, HELO, VRFY, EXPN, NOOP, QUIT or AUTH, or a
         * message sent without waiting for DATA's 354, which all end a group (RFC 2920 §3.1).
         */
        PIPELINING_AFTER_GROUP_END,
        /** A non-ASCII address without SMTPUTF8 (RFC 6531 §3.4); the server answered 553. */
        NON_ASCII_WITHOUT_SMTPUTF8,
        /**
         * Octets that are not UTF-8 (RFC 3629) in an address or an EHLO/HELO name. An address is
         * refused with 501 even by a lenient server, since no text could stand for it in the
         * envelope; a lenient server keeps an EHLO name with the bad octets written {@code \xHH}.
         */
        MALFORMED_UTF8,
        /**
         * A MAIL or RCPT path over the limits of RFC 5321 §4.5.3.1: a local part over 64 octets,
         * a domain over 255, or the whole path, brackets and source route included, over 256.
         */
        ADDRESS_TOO_LONG,
        /**
         * An address that RFC 5321 §4.1.2 does not allow but a lenient server accepts: a raw TAB
         * inside a quoted local part ({@code qtextSMTP} has no HT).
         */
        ADDRESS_SYNTAX,
        /** More message octets than MAIL's SIZE parameter declared (RFC 1870 §6). */
        SIZE_EXCEEDED_DECLARED,
        /**
         * A message without a Date or From header (RFC 5322 §3.6), or without a Message-ID, which
         * is a SHOULD (§3.6.4): strict mode refuses that one only with {@code requireMessageId()}.
         */
        MISSING_HEADER
    }

    /**
     * Checks that no part is null.
     *
     * @param type what kind of rule was broken
     * @param detail the offending line or a description
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
