package dev.fakesmtp.internal.command;

import dev.fakesmtp.TranscriptLine.Direction;
import dev.fakesmtp.internal.SessionRecord;
import java.nio.charset.StandardCharsets;

/** Puts the head of a message's content into the transcript and elides the rest. */
final class ContentTranscript {

    private ContentTranscript() {
    }

    /** Records the first {@code limit} bytes of {@code content} as client lines, then how many were left out. */
    static void record(SessionRecord record, byte[] content, int limit) {
        int shown = Math.min(content.length, limit);
        int start = 0;
        for (int i = 0; i + 1 < shown; i++) {
            if (content[i] == '\r' && content[i + 1] == '\n') {
                record.line(Direction.CLIENT, new String(content, start, i - start, StandardCharsets.UTF_8));
                start = i + 2;
                i++;
            }
        }
        if (start < shown) {
            record.line(Direction.CLIENT, new String(content, start, shown - start, StandardCharsets.UTF_8));
        }
        if (content.length > shown) {
            record.line(Direction.CLIENT, "... (" + (content.length - shown) + " more octets of message content)");
        }
    }
}
