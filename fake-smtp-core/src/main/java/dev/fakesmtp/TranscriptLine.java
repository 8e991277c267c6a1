package dev.fakesmtp;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a session's transcript, in the order things happened: a line the client sent
 * ({@link Direction#CLIENT}), a line the server wrote ({@link Direction#SERVER}), or a note the
 * server adds about something that has no line on the wire ({@link Direction#NOTE}). Client and
 * server lines are the dialogue as it went over the wire (message content elided past a
 * configured size, credentials hidden); a note never poses as either.
 *
 * <p>Notes say what a failure rule did instead of a reply (a delay, a closed or reset
 * connection, a stall, a failed TLS handshake) and where the transcript budget dropped lines.
 * {@link #causedBy()} names the rule behind an entry: on a server line, the rule wrote that reply
 * instead of the server; on a note, the rule did what the note says. A reply a rule delayed is
 * the server line (or lines, for a multi-line reply) right after its delay note:
 * <pre>
 * C: DATA
 * -- (delayed PT2S)   &lt;- rule #1: on DATA, always, delay PT2S then proceed
 * S: 354 Start mail input; end with &lt;CRLF&gt;.&lt;CRLF&gt;
 * </pre>
 *
 * @param direction who sent the line, or {@link Direction#NOTE} for the server's note
 * @param text the line, decoded as UTF-8, without CRLF; for a note, what happened, in parentheses
 * @param time when the server read or wrote the line, or when what the note says happened
 * @param rule the description of the failure rule that caused this entry, or null
 */
public record TranscriptLine(Direction direction, String text, Instant time, String rule) {

    /** Who sent a transcript line, or that it is the server's note. */
    public enum Direction {
        /** Sent by the client ("C:"). */
        CLIENT,
        /** Sent by the server ("S:"). */
        SERVER,
        /** Not on the wire: the server's note of what happened there ("--"), e.g. a rule's delay. */
        NOTE
    }

    /**
     * Checks that no part but the rule is null.
     *
     * @param direction who sent the line, or {@link Direction#NOTE}
     * @param text the line without CRLF
     * @param time when it was read, written or happened
     * @param rule the description of the rule that caused it, or null
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
     * @param text the line without CRLF
     * @param time when it was read or written
     */
    public TranscriptLine(Direction direction, String text, Instant time) {
        this(direction, text, time, null);
    }

    /**
     * The failure rule that caused this entry, if one did.
     *
     * @return the rule's description, e.g. {@code "rule #1: on RCPT TO <bob@example.com>, always, reply 550 ..."}
     */
    public Optional<String> causedBy() {
        return Optional.ofNullable(rule);
    }

    /**
     * Whether this is a line the client or the server sent, rather than a note.
     *
     * @return false for a {@link Direction#NOTE}
     */
    public boolean isOnTheWire() {
        return direction != Direction.NOTE;
    }

    /**
     * The entry as {@code "C: MAIL FROM:<a@b>"}, {@code "S: 550 ...   <- rule #1: ..."} or
     * {@code "-- (delayed PT2S)   <- rule #1: ..."}.
     */
    @Override
    public String toString() {
        String prefix = switch (direction) {
            case CLIENT -> "C: ";
            case SERVER -> "S: ";
            case NOTE -> "-- ";
        };
        return prefix + text + (rule == null ? "" : "   <- " + rule);
    }
}
