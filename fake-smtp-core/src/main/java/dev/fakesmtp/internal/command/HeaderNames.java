package dev.fakesmtp.internal.command;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The names of the header fields of a message (RFC 5322 §2.2): only the names, read off the
 * header section up to the first empty line, for the conformance checks. Parsing what the
 * fields say is Jakarta Mail's job, on demand.
 */
final class HeaderNames {

    private HeaderNames() {
    }

    /** The lower-case names of the header fields present. */
    static Set<String> of(byte[] message) {
        Set<String> names = new HashSet<>();
        int lineStart = 0;
        while (lineStart < message.length) {
            int end = lineStart;
            while (end < message.length && message[end] != '\n') {
                end++;
            }
            int contentEnd = end > lineStart && message[end - 1] == '\r' ? end - 1 : end;
            if (contentEnd == lineStart) {
                break; // the empty line ends the header section
            }
            byte first = message[lineStart];
            if (first != ' ' && first != '\t') { // not a folded continuation
                for (int i = lineStart; i < contentEnd; i++) {
                    if (message[i] == ':') {
                        names.add(new String(message, lineStart, i - lineStart, StandardCharsets.US_ASCII)
                                .strip().toLowerCase(Locale.ROOT));
                        break;
                    }
                }
            }
            lineStart = end + 1;
        }
        return names;
    }
}
