package dev.fakesmtp.internal;

import dev.fakesmtp.TranscriptLine;
import dev.fakesmtp.TranscriptLine.Direction;
import java.nio.charset.StandardCharsets;
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
 *
 * <p>Lines are kept compact and made into {@link TranscriptLine}s only when someone reads the
 * transcript, which is rare: the time as a number, not an {@code Instant}; a line of message
 * content as a slice of one copy of the message's head, decoded when read. A session that sends
 * thousands of messages keeps thousands of such lines, written on every message and almost never
 * read.
 */
final class BoundedTranscript {

    /** About 1 MiB of text: whole dialogues of ordinary sessions, hundreds of messages long. */
    static final int BUDGET = 1024 * 1024;
    /** What a line costs beyond its text (the line object and its time), so empty lines are not free. */
    static final int LINE_OVERHEAD = 64;
    /** Longer lines keep their head; no command line is this long (12,288 octets at most). */
    static final int MAX_LINE = 16 * 1024;

    private final int lineLimit;
    private final Deque<Entry> lines = new ArrayDeque<>();
    private long cost;
    private long droppedLines;
    private long droppedCharacters;
    private long droppedUntil;
    private String droppedWhole;

    BoundedTranscript(int lineLimit) {
        this.lineLimit = lineLimit;
    }

    /** Adds a line written at {@code epochNanos}, dropping the oldest ones while over the budget. */
    void add(Direction direction, String text, String rule, long epochNanos) {
        String kept = text.length() <= MAX_LINE ? text
                : text.substring(0, MAX_LINE) + "... (" + (text.length() - MAX_LINE) + " more characters)";
        append(new TextEntry(direction, rule, epochNanos, kept));
    }

    /**
     * Adds a client line whose text is {@code length} UTF-8 octets of {@code bytes} from
     * {@code offset}, all of them US-ASCII when {@code ascii}; the array is kept, not copied,
     * and must not change.
     */
    void addBytes(byte[] bytes, int offset, int length, boolean ascii, long epochNanos) {
        if (length > MAX_LINE || !ascii) {
            // Rare: decoded now, so its length in characters, and any shortening, are as for any line.
            add(Direction.CLIENT, new String(bytes, offset, length, StandardCharsets.UTF_8), null, epochNanos);
        } else {
            append(new BytesEntry(epochNanos, bytes, offset, length));
        }
    }

    private void append(Entry entry) {
        lines.addLast(entry);
        cost += cost(entry);
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
                    + " keeps about its newest 1 MiB and " + lineLimit + " lines)", instant(droppedUntil)));
        }
        for (Entry entry : lines) {
            snapshot.add(new TranscriptLine(entry.direction(), entry.text(), instant(entry.epochNanos), entry.rule()));
        }
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

    /** Now, as nanoseconds since the epoch (good until the year 2262), without keeping an Instant. */
    static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(0, epochNanos);
    }

    private void drop(Entry entry) {
        cost -= cost(entry);
        droppedLines++;
        droppedCharacters += entry.length();
        droppedUntil = entry.epochNanos;
    }

    private static long cost(Entry entry) {
        return entry.length() + (long) LINE_OVERHEAD;
    }

    /** One kept line: who sent it, when, and the rule behind it. */
    private abstract static class Entry {
        final long epochNanos;

        Entry(long epochNanos) {
            this.epochNanos = epochNanos;
        }

        abstract Direction direction();

        abstract String rule();

        abstract String text();

        /** The text's length in characters. */
        abstract int length();
    }

    /** A line kept as its text. */
    private static final class TextEntry extends Entry {
        private final Direction direction;
        private final String rule;
        private final String text;

        TextEntry(Direction direction, String rule, long epochNanos, String text) {
            super(epochNanos);
            this.direction = direction;
            this.rule = rule;
            this.text = text;
        }

        @Override
        Direction direction() {
            return direction;
        }

        @Override
        String rule() {
            return rule;
        }

        @Override
        String text() {
            return text;
        }

        @Override
        int length() {
            return text.length();
        }
    }

    /** A client line of message content, kept as US-ASCII octets of a shared array: one character each. */
    private static final class BytesEntry extends Entry {
        private final byte[] bytes;
        private final int offset;
        private final int length;

        BytesEntry(long epochNanos, byte[] bytes, int offset, int length) {
            super(epochNanos);
            this.bytes = bytes;
            this.offset = offset;
            this.length = length;
        }

        @Override
        Direction direction() {
            return Direction.CLIENT;
        }

        @Override
        String rule() {
            return null;
        }

        @Override
        String text() {
            return new String(bytes, offset, length, StandardCharsets.US_ASCII);
        }

        @Override
        int length() {
            return length;
        }
    }
}
