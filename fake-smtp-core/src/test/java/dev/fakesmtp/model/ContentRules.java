package dev.fakesmtp.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What the RFCs say about a message's content, written from them and nothing else: where DATA
 * ends and what dot-unstuffing leaves (RFC 5321 §4.5.2), which line rules content breaks
 * (§2.3.8, §4.5.3.1.6; RFC 2045 §2.7 for NUL; RFC 6152 for 8-bit) and which header fields a
 * message has (RFC 5322 §2.2, §3.6).
 */
final class ContentRules {

    /** RFC 5321 §4.5.3.1.6: a text line, CRLF included. */
    static final int MAX_TEXT_LINE = 1000;

    private ContentRules() {
    }

    /**
     * The content DATA captures from the octets after 354: lines end at CRLF only (a bare CR or
     * LF is content), the first line that is exactly "." ends the data, and one leading dot of
     * any other line is dropped. The generated messages always end in ".CRLF".
     */
    static byte[] unstuff(byte[] wire) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        int start = 0;
        while (true) {
            int crlf = indexOfCrlf(wire, start);
            if (crlf < 0) {
                throw new IllegalStateException("A generated message must end in CRLF.CRLF");
            }
            int length = crlf - start;
            if (length == 1 && wire[start] == '.') {
                return content.toByteArray();
            }
            int from = length > 0 && wire[start] == '.' ? start + 1 : start;
            content.write(wire, from, crlf - from);
            content.write('\r');
            content.write('\n');
            start = crlf + 2;
        }
    }

    /** The first content rule the captured content breaks, for a strict server's 550; null when none. */
    static String lineFault(byte[] content, boolean binary) {
        if (binary) {
            return null; // RFC 3030 §3: BINARYMIME content has no lines
        }
        int lineStart = 0;
        for (int i = 0; i < content.length; i++) {
            byte b = content[i];
            boolean crlf = b == '\r' && i + 1 < content.length && content[i + 1] == '\n';
            if (b == '\n' && (i == 0 || content[i - 1] != '\r')) {
                return "bare LF";
            }
            if (b == '\r' && !crlf) {
                return "bare CR";
            }
            if (b == 0) {
                return "NUL";
            }
            if (crlf) {
                if (i + 2 - lineStart > MAX_TEXT_LINE) {
                    return "line over 1000 octets";
                }
                lineStart = i + 2;
            }
        }
        // The server's choice for an unterminated last line (BDAT): measured with the CRLF it lacks.
        if (lineStart < content.length && content.length - lineStart + 2 > MAX_TEXT_LINE) {
            return "line over 1000 octets";
        }
        return null;
    }

    /** Whether the content has an octet of 0x80 or more (RFC 6152: needs BODY=8BITMIME). */
    static boolean eightBit(byte[] content) {
        for (byte b : content) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the header section (the lines before the first empty one) has a field of this name,
     * case-insensitively (RFC 5322 §1.2.2, §2.2; obsolete syntax allows white space before the colon).
     */
    static boolean hasHeader(byte[] content, String name) {
        int start = 0;
        while (start < content.length) {
            int crlf = indexOfCrlf(content, start);
            int end = crlf < 0 ? content.length : crlf;
            if (end == start) {
                return false;
            }
            String line = new String(content, start, end - start, StandardCharsets.ISO_8859_1);
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT)
                    .equals(name.toLowerCase(Locale.ROOT))) {
                return true;
            }
            if (crlf < 0) {
                return false;
            }
            start = crlf + 2;
        }
        return false;
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
