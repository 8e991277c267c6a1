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
 * @param rule the description of the failure rule that caused this server line, or null
 */
public record TranscriptLine(Direction direction, String text, Instant time, String rule) {

    /** Who sent a transcript line. */
    public enum Direction {
        /** Sent by the client ("C:"). */
        CLIENT,
        /** Sent by the server ("S:"). */
        SERVER
    }

    /**
     * Checks that no part is null.
     *
     * @param direction who sent the line
     * @param text the line without its CRLF
     * @param time when it was sent or received
     * @param rule the description of the failure rule that caused it, or null
     */
    public TranscriptLine {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(time, "time");
    }

    /**
     * A line that no rule caused.
     *
     * @param direction who sent the line
     * @param text the line without its CRLF
     * @param time when it was sent or received
     */
    public TranscriptLine(Direction direction, String text, Instant time) {
        this(direction, text, time, null);
    }

    /** {@return the failure rule that caused this line, if one did} */
    public java.util.Optional<String> causedBy() {
        return java.util.Optional.ofNullable(rule);
    }

    /** The line as {@code "C: MAIL FROM:<a@b>"}, or {@code "S: 550 ...   <- rule #1: ..."}. */
    @Override
    public String toString() {
        return (direction == Direction.CLIENT ? "C: " : "S: ") + text + (rule == null ? "" : "   <- " + rule);
    }
}
