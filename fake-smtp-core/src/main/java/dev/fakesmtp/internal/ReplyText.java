package dev.fakesmtp.internal;

import java.nio.charset.StandardCharsets;

/**
 * Makes reply text fit for the wire, the one place every reply line passes (through
 * {@code SmtpReply.render}). RFC 5321 §4.2 allows printable US-ASCII and HT in reply text:
 * every other octet is written {@code \xHH}, UTF-8 by its octets. UTF-8 is never sent raw: RFC
 * 6531 permits it only to a client that asked for SMTPUTF8 and never requires it, and escapes
 * keep what a client sent visible octet for octet. RFC 5321 §4.5.3.1.5 bounds a reply line to
 * 512 octets with its CRLF: a longer text keeps its start and its end and loses its middle to
 * {@value #ELISION}, never splitting an escape.
 */
public final class ReplyText {

    /** The longest reply line, CRLF included (RFC 5321 §4.5.3.1.5). */
    public static final int MAX_LINE = 512;
    /** What stands for the elided middle of a text too long for one line. */
    public static final String ELISION = "...";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ReplyText() {
    }

    /**
     * One reply line without its CRLF: {@code prefix} and {@code text} escaped and shortened so
     * the line with CRLF is at most 512 octets.
     *
     * @param prefix the code, separator and enhanced code, e.g. {@code "250-2.1.0 "} (ASCII)
     * @param text the text as given, any characters
     * @return the line as it goes on the wire, without CRLF
     */
    public static String line(String prefix, String text) {
        int budget = MAX_LINE - 2 - prefix.length();
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        // unitEnds[i] is where the i-th character's (possibly escaped) form ends in 'escaped'
        int[] unitEnds = new int[text.length() + 1];
        int units = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            appendEscaped(escaped, c);
            unitEnds[units++] = escaped.length();
            i += Character.charCount(c);
        }
        if (escaped.length() <= budget) {
            return prefix + escaped;
        }
        int room = budget - ELISION.length();
        int tailRoom = room / 4;
        int headEnd = 0;
        for (int i = 0; i < units && unitEnds[i] <= room - tailRoom; i++) {
            headEnd = unitEnds[i];
        }
        int tailStart = escaped.length();
        for (int i = units - 2; i >= -1; i--) {
            int start = i < 0 ? 0 : unitEnds[i];
            if (escaped.length() - start > room - headEnd) {
                break;
            }
            tailStart = start;
        }
        return prefix + escaped.substring(0, headEnd) + ELISION + escaped.substring(tailStart);
    }

    /**
     * Control characters (C0, DEL, C1) written {@code \xHH}, everything else as it is: for
     * violation details, where a raw TAB or NUL would be invisible but UTF-8 reads well.
     *
     * @param text any text
     * @return the text with its control characters escaped
     */
    public static String showControls(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    appendHex(out, b);
                }
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Appends {@code c} if it is printable ASCII or HT, else its UTF-8 octets as {@code \xHH}. */
    private static void appendEscaped(StringBuilder out, int c) {
        if (c == '\t' || (c >= 0x20 && c <= 0x7E)) {
            out.append((char) c);
            return;
        }
        if (Character.isSurrogate((char) c)) {
            out.append('?'); // a lone surrogate (only a Java string can hold one) has no UTF-8 form
            return;
        }
        for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
            appendHex(out, b);
        }
    }

    private static void appendHex(StringBuilder out, byte b) {
        out.append('\\').append('x').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }
}
