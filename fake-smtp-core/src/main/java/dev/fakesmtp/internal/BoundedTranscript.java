package dev.fakesmtp.internal;

import dev.fakesmtp.TranscriptLine;
import dev.fakesmtp.TranscriptLine.Direction;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One session's transcript within a budget, so that a client that misbehaves (every command a
 * 12 KB line, hours of NOOPs) cannot take the test JVM's heap: the newest lines, at most a line
 * limit of them and about {@link #BUDGET} characters, behind a note of what was dropped. The
 * session history may also drop a whole ended transcript, keeping only such a note. Not
 * thread-safe: its {@link SessionRecord} guards it.
 */
final class BoundedTranscript {

    /** About 1 MiB of text: whole dialogues of ordinary sessions, hundreds of messages long. */
    static final int BUDGET = 1024 * 1024;
    /** What a line costs beyond its text (the line object and its time), so empty lines are not free. */
    static final int LINE_OVERHEAD = 64;
    /** Longer lines keep their head; no command line is this long (12,288 octets at most). */
    static final int MAX_LINE = 16 * 1024;

    private final int lineLimit;
    private final Deque<TranscriptLine> lines = new ArrayDeque<>();
    private long cost;
    private long droppedLines;
    private long droppedCharacters;
    private Instant droppedUntil;
    private String droppedWhole;

    BoundedTranscript(int lineLimit) {
        this.lineLimit = lineLimit;
    }

    /** Adds a line, dropping the oldest ones while the transcript is over its budget. */
    void add(TranscriptLine line) {
        TranscriptLine kept = line.text().length() <= MAX_LINE ? line : new TranscriptLine(line.direction(),
                line.text().substring(0, MAX_LINE) + "... (" + (line.text().length() - MAX_LINE) + " more characters)",
                line.time(), line.rule());
        lines.addLast(kept);
        cost += cost(kept);
        while (lines.size() > 1 && (cost > BUDGET || lines.size() > lineLimit)) {
            drop(lines.removeFirst());
        }
    }

    /** The lines kept, behind a note when lines were dropped. */
    List<TranscriptLine> snapshot() {
        List<TranscriptLine> snapshot = new ArrayList<>(lines.size() + 1);
        if (droppedLines > 0) {
            snapshot.add(new TranscriptLine(Direction.NOTE, droppedWhole != null ? droppedWhole
                    : "(" + droppedLines + " earlier lines, " + droppedCharacters + " characters, dropped: a transcript"
                    + " keeps about its newest 1 MiB and " + lineLimit + " lines)", droppedUntil));
        }
        snapshot.addAll(lines);
        return snapshot;
    }

    /** What the kept lines cost, in characters and per-line overhead. */
    long cost() {
        return cost;
    }

    /** Drops every line (the history's budget is spent on newer sessions); {@code why} becomes the note. */
    void dropAll(String why) {
        while (!lines.isEmpty()) {
            drop(lines.removeFirst());
        }
        if (droppedLines > 0) {
            droppedWhole = "(transcript dropped: " + why + "; " + droppedLines + " lines, " + droppedCharacters
                    + " characters)";
        }
    }

    private void drop(TranscriptLine line) {
        cost -= cost(line);
        droppedLines++;
        droppedCharacters += line.text().length();
        droppedUntil = line.time();
    }

    private static long cost(TranscriptLine line) {
        return line.text().length() + (long) LINE_OVERHEAD;
    }
}
