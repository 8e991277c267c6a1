package dev.fakesmtp.model;

import static dev.fakesmtp.model.Tokens.concat;

import java.util.Arrays;

/** How a command line is put on the wire. */
enum Framing {
    CRLF,
    /** A bare LF ends the line: strict 500, lenient records it (RFC 5321 §2.3.8). */
    BARE_LF,
    /** A bare CR for the first space (or before the CRLF): strict 500, lenient reads a space. */
    BARE_CR,
    /** Spaces up to exactly the line limit with CRLF (RFC 5321 §4.5.3.1.4 plus extensions). */
    AT_LIMIT,
    /** One octet over the limit: 500 in both modes. */
    OVER_LIMIT,
    /** 13,000 octets: over every limit, AUTH's 12,288 too. */
    HUGE;

    byte[] frame(byte[] text, int limit) {
        byte[] crlf = {'\r', '\n'};
        switch (this) {
            case BARE_LF:
                return concat(text, new byte[] {'\n'});
            case BARE_CR: {
                byte[] line = text.clone();
                for (int i = 0; i < line.length; i++) {
                    if (line[i] == ' ') {
                        line[i] = '\r';
                        return concat(line, crlf);
                    }
                }
                return concat(line, new byte[] {'\r'}, crlf);
            }
            case AT_LIMIT:
                return concat(text, spaces(limit - 2 - text.length), crlf);
            case OVER_LIMIT:
                return concat(text, spaces(limit + 1 - 2 - text.length), crlf);
            case HUGE:
                return concat(text, spaces(13_000 - 2 - text.length), crlf);
            default:
                return concat(text, crlf);
        }
    }

    private static byte[] spaces(int count) {
        byte[] spaces = new byte[Math.max(0, count)];
        Arrays.fill(spaces, (byte) ' ');
        return spaces;
    }
}
