package dev.fakesmtp.internal;

import dev.fakesmtp.TranscriptLine;
import dev.fakesmtp.TranscriptLine.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The end of a session's dialogue for a failure message: commands, replies and notes, with
 * each message's content folded into one note. The content is rarely why mail did not come,
 * and a multipart message would fill any tail with MIME boundaries.
 */
final class DialogueTail {

    /** The chunk line BDAT LAST records before the message content. */
    private static final Pattern LAST_CHUNK = Pattern.compile("\\.\\.\\. \\(\\d+ octets of BDAT chunk, LAST\\)");

    private DialogueTail() {
    }

    /** The last {@code count} lines of the folded dialogue, indented, one per line. */
    static String of(List<TranscriptLine> transcript, int count) {
        List<String> dialogue = fold(transcript);
        StringBuilder text = new StringBuilder();
        if (dialogue.size() > count) {
            text.append("    (").append(dialogue.size() - count).append(" earlier lines not shown)");
        }
        for (String line : dialogue.subList(Math.max(0, dialogue.size() - count), dialogue.size())) {
            text.append(text.length() == 0 ? "" : "\n").append("    ").append(line);
        }
        return text.toString();
    }

    /**
     * Message content is the client lines after a 354 up to the final dot, and after BDAT
     * LAST's chunk line up to the reply: the server writes (and records) the reply to the end
     * of data before it reads another command, so nothing else comes between.
     */
    private static List<String> fold(List<TranscriptLine> transcript) {
        List<String> folded = new ArrayList<>();
        boolean inData = false;
        boolean inChunk = false;
        int content = 0;
        for (TranscriptLine line : transcript) {
            boolean client = line.direction() == Direction.CLIENT;
            boolean endsContent = (inData && (!client || line.text().equals(".")))
                    || (inChunk && !client);
            if (endsContent) {
                folded.add(contentNote(content));
                inData = false;
                inChunk = false;
                content = 0;
            }
            if (client && (inData || inChunk)) {
                content++;
                continue;
            }
            folded.add(line.toString());
            if (line.direction() == Direction.SERVER && line.text().startsWith("354")) {
                inData = true;
            } else if (client && LAST_CHUNK.matcher(line.text()).matches()) {
                inChunk = true;
            }
        }
        if (inData || inChunk) {
            folded.add(contentNote(content));
        }
        return folded;
    }

    private static String contentNote(int lines) {
        return "-- (message content: " + lines + " line" + (lines == 1 ? "" : "s") + ")";
    }
}
