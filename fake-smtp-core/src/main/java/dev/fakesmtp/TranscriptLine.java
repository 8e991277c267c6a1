package dev.fakesmtp;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a session's transcript: what the client sent or the server answered, without
 * the line ending. Message content is elided past a configured size.
 *
 * @param direction who sent the line
 * @param text the line, decoded as UTF-8, without CRLF
 * @param time when the server read or wrote it
 */
public record TranscriptLine(Direction direction, String text, Instant time) {

    /** Who sent a transcript line. */
    public enum Direction {
        /** Sent by the client ("C:"). */
        CLIENT,
        /** Sent by the server ("S:"). */
        SERVER
    }

    /** Checks that no part is null. */
    public TranscriptLine {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(time, "time");
    }

    /** The line as {@code "C: MAIL FROM:<a@b>"} or {@code "S: 250 2.1.0 Ok"}. */
    @Override
    public String toString() {
        return (direction == Direction.CLIENT ? "C: " : "S: ") + text;
    }
}
