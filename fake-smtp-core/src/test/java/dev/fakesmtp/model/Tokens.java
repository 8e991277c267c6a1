package dev.fakesmtp.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The words the generated dialogues are made of, each labelled by construction with what the
 * RFCs make of it, so the model never parses what it generated: an EHLO name is a domain or it
 * is not because the generator built it that way.
 */
final class Tokens {

    private Tokens() {
    }

    /** UTF-8 octets of a text. */
    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The octets joined. */
    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** An octet string with {@code \xHH} written out, for failure messages. */
    static String show(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c == '\r') {
                out.append("<CR>");
            } else if (c == '\n') {
                out.append("<LF>");
            } else if (c < 0x20 || c >= 0x7F) {
                out.append(String.format("\\x%02X", c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    /** What RFC 5321 §4.1.1.1 and RFC 6531 make of an EHLO or HELO argument. */
    enum Greeting {
        /** No argument or two words: the syntax is {@code EHLO domain}, 501. */
        MISSING(""),
        TWO_WORDS("client test"),
        DOMAIN("client.test"),
        ADDRESS_LITERAL("[192.0.2.1]"),
        /** Not a domain: a strict server refuses it (501), a lenient one records it. */
        NOT_A_DOMAIN("!!!$$$"),
        /** RFC 6531 §3.7.1: EHLO comes before the client knows of SMTPUTF8, so it is ASCII. */
        UTF8_DOMAIN("bücher.test"),
        /** Not UTF-8 at all (RFC 3629): strict 501, lenient keeps it. */
        MALFORMED(new byte[] {'x', (byte) 0xFF, '.', 't', 'e', 's', 't'});

        final byte[] bytes;

        Greeting(String text) {
            this(utf8(text));
        }

        Greeting(byte[] bytes) {
            this.bytes = bytes;
        }

        boolean syntaxError() {
            return this == MISSING || this == TWO_WORDS;
        }

        boolean strictRefuses() {
            return this == NOT_A_DOMAIN || this == UTF8_DOMAIN || this == MALFORMED;
        }
    }

    /** A mailbox of RFC 5321 §4.1.2 (RFC 6531 for UTF-8), and what each is. */
    enum Mailbox {
        PLAIN("alice@example.com"),
        OTHER("bob@example.com"),
        THIRD("carol@example.com"),
        /** The null reverse-path: fine for MAIL, never a recipient (501). */
        NULL(""),
        /** RFC 5321 §4.5.1: must be accepted as a recipient without a domain. */
        POSTMASTER("postmaster"),
        ADDRESS_LITERAL("dave@[192.0.2.7]"),
        QUOTED("\"john doe\"@example.com"),
        /** qtextSMTP excludes HT: a strict server refuses it (501), a lenient one records it. */
        QUOTED_TAB("\"john\tdoe\"@example.com"),
        /** RFC 5321 §4.1.2: a source route is accepted and ignored; the mailbox is what counts. */
        SOURCE_ROUTE("@relay.test:erin@example.com"),
        /** Needs SMTPUTF8 on MAIL (RFC 6531 §3.4), else 553. */
        UTF8("jörg@example.com"),
        /** Not UTF-8: 501 in both modes (RFC 6531 §3.3, issue 13 item 8). */
        MALFORMED(new byte[] {'j', (byte) 0xF6, 'r', 'g', '@', 'b', '.', 'c'}),
        /** Not a Dot-string: 501. */
        BAD_SYNTAX("a..b@example.com"),
        /** No domain: 501 (except postmaster). */
        NO_DOMAIN("frank"),
        /** RFC 5321 §4.5.3.1.1: local part over 64 octets; strict 501, lenient records it. */
        LONG_LOCAL_PART("l".repeat(65) + "@example.com");

        final byte[] bytes;

        Mailbox(String text) {
            this(utf8(text));
        }

        Mailbox(byte[] bytes) {
            this.bytes = bytes;
        }

        /** The address as captured: without brackets and source route. */
        String captured() {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return this == SOURCE_ROUTE ? text.substring(text.indexOf(':') + 1) : text;
        }
    }

    /** How the path is written after {@code FROM:} or {@code TO:}. */
    enum PathForm {
        /** {@code FROM:<a@b>}. */
        BRACKETS,
        /** {@code from:<a@b>}: the keyword is case-insensitive. */
        LOWER_CASE,
        /** {@code FROM: <a@b>}: RFC 5321 has no space there; strict 501, lenient records it. */
        SPACE_AFTER_COLON,
        /** {@code FROM:a@b}: 501. */
        NO_BRACKETS,
        /** {@code MAIL} alone: 501. */
        NO_ARGUMENT
    }

    /** MAIL parameters (RFC 1870, 6152, 6531, 3461, 4954) and an unknown one. */
    enum MailParam {
        SIZE_SMALL("SIZE=100"),
        /** Over the server's limit: 552 at MAIL (RFC 1870 §6). */
        SIZE_OVER("SIZE=99999"),
        /** 1*20DIGIT is valid syntax; over the limit: 552, not 501 (issue 13 item 9). */
        SIZE_20_DIGITS("SIZE=99999999999999999999"),
        SIZE_NOT_A_NUMBER("SIZE=abc"),
        BODY_7BIT("BODY=7BIT"),
        BODY_8BITMIME("BODY=8BITMIME"),
        BODY_BINARYMIME("BODY=BINARYMIME"),
        BODY_UNKNOWN("BODY=9BIT"),
        SMTPUTF8("SMTPUTF8"),
        RET("RET=HDRS"),
        ENVID("ENVID=QQ314159"),
        AUTH("AUTH=<>"),
        UNKNOWN("X-FOO=1");

        final String text;

        MailParam(String text) {
            this.text = text;
        }

        String keyword() {
            int equals = text.indexOf('=');
            return equals < 0 ? text : text.substring(0, equals);
        }
    }

    /** RCPT parameters (RFC 3461) and an unknown one. */
    enum RcptParam {
        NOTIFY("NOTIFY=SUCCESS,FAILURE"),
        NOTIFY_NEVER("NOTIFY=NEVER"),
        NOTIFY_UNKNOWN("NOTIFY=SOMETIMES"),
        ORCPT("ORCPT=rfc822;alice@example.com"),
        UNKNOWN("X-BAR=2");

        final String text;

        RcptParam(String text) {
            this.text = text;
        }

        String keyword() {
            return text.substring(0, text.indexOf('='));
        }
    }

    /** Header fields a message may have (RFC 5322 §3.6: Date and From are required). */
    enum Header {
        DATE("Date: Thu, 1 Jan 2026 00:00:00 +0000"),
        FROM("From: alice@example.com"),
        MESSAGE_ID("Message-ID: <1@example.com>"),
        SUBJECT("Subject: model");

        final String line;

        Header(String line) {
            this.line = line;
        }
    }

    /** One line of a message body as it goes on the wire after DATA (before CRLF). */
    enum BodyLine {
        TEXT("Hello, world."),
        EMPTY(""),
        /** Dot-stuffed as RFC 5321 §4.5.2 says: the content is ".hidden". */
        STUFFED_DOT("..hidden"),
        /** A client that forgot to stuff: the server drops the leading dot, content "x". */
        UNSTUFFED_DOT(".x"),
        /** A lone dot, stuffed: the content is ".". */
        STUFFED_LONE_DOT(".."),
        BARE_LF("a\nb"),
        BARE_CR("a\rb"),
        CR_BEFORE_CRLF("a\r"),
        /** SMTP smuggling attempts: no end of data, just content (with bare CR and LF in it). */
        SMUGGLING_LF("a\n.\nMAIL FROM:<mallory@example.com>"),
        SMUGGLING_CR("a\r.\rRSET"),
        EIGHT_BIT_UTF8("Grüße"),
        EIGHT_BIT_RAW(new byte[] {'x', (byte) 0xFF, (byte) 0xFE}),
        NUL(new byte[] {'a', 0, 'b'}),
        /** 1001 octets, 1003 with CRLF: over RFC 5321's 1000 (§4.5.3.1.6). */
        LONG("y".repeat(1001)),
        /** Bigger than the models' servers accept (552). */
        HUGE("z".repeat(5000));

        final byte[] bytes;

        BodyLine(String text) {
            this(utf8(text));
        }

        BodyLine(byte[] bytes) {
            this.bytes = bytes;
        }
    }

    /** How a BDAT line is written. */
    enum BdatForm {
        NORMAL,
        LOWER_CASE,
        /** {@code BDAT n LAST NOW} or {@code BDAT n NOW}: 501, the chunk is read and dropped. */
        EXTRA_WORD,
        /** {@code BDAT x}: the size cannot be read, so neither can the chunk: 421 and close. */
        SIZE_NOT_A_NUMBER,
        /** 19 digits: more than any chunk anyone sends; 421 and close (issue 13 item 9). */
        SIZE_19_DIGITS,
        /** {@code BDAT} alone: 421 and close. */
        NO_SIZE;

        boolean unreadableSize() {
            return this == SIZE_NOT_A_NUMBER || this == SIZE_19_DIGITS || this == NO_SIZE;
        }
    }

    /** The commands without a path: each with its argument, as sent. */
    enum Simple {
        RSET("RSET"), RSET_ARGUMENT("RSET x"), NOOP("NOOP"), NOOP_LOWER_CASE("noop"),
        NOOP_ARGUMENT("NOOP anything goes"), QUIT("QUIT"), QUIT_ARGUMENT("QUIT now"), HELP("HELP"),
        HELP_MAIL("HELP mail"), HELP_UNKNOWN("HELP FOO"), VRFY("VRFY alice"), VRFY_NO_ARGUMENT("VRFY"),
        EXPN("EXPN staff"), EXPN_NO_ARGUMENT("EXPN"), STARTTLS("STARTTLS"), STARTTLS_ARGUMENT("STARTTLS now"),
        UNKNOWN("XYZZY"), UNKNOWN_8BIT("FÖÖ bar"), EMPTY(""),
        AUTH_PLAIN("AUTH PLAIN " + Base64.getEncoder().encodeToString(utf8("\0alice\0secret"))),
        AUTH_BAD_BASE64("AUTH PLAIN !!!"), AUTH_UNKNOWN_MECHANISM("AUTH FOO"), AUTH_NO_MECHANISM("AUTH");

        final String text;

        Simple(String text) {
            this.text = text;
        }
    }
}
