package dev.fakesmtp.internal.rules;

import dev.fakesmtp.SmtpReply;
import java.time.Duration;
import java.util.List;

/**
 * What a firing rule does instead of (or before) the normal handling.
 *
 * @param kind the kind of effect
 * @param reply the reply to send, for REPLY and DELAY (null to proceed after the delay)
 * @param delay how long to wait, for DELAY
 * @param keywords the EHLO keywords to leave out, upper case, for EHLO_WITHOUT (else empty)
 * @param afterCapture true when the message is captured before the effect (end-of-data rules only)
 */
public record Effect(Kind kind, SmtpReply reply, Duration delay, List<String> keywords, boolean afterCapture) {

    /** The kinds of effect. */
    public enum Kind {
        /** Send a reply instead of the normal one; a 421 also closes (RFC 5321 §3.8). */
        REPLY,
        /** Send a reply, then close. */
        REPLY_AND_CLOSE,
        /** Close without a reply (FIN). */
        DISCONNECT,
        /** Reset the connection (RST). */
        RESET,
        /** Wait, then send {@code reply}, or proceed normally when it is null. */
        DELAY,
        /** Answer nothing until the client gives up, the rule is removed or the server closes. */
        STALL,
        /** Make the TLS handshake fail: answer STARTTLS, then send bytes that are not TLS and close. */
        FAIL_TLS_HANDSHAKE,
        /** Answer 250 at the end of data but capture nothing. */
        BLACK_HOLE,
        /** Handle EHLO normally, but leave {@code keywords} out of its reply. */
        EHLO_WITHOUT
    }

    /**
     * Copies the keywords.
     *
     * @param kind the kind of effect
     * @param reply the reply to send, for REPLY and DELAY (null to proceed after the delay)
     * @param delay how long to wait, for DELAY
     * @param keywords the EHLO keywords to leave out, for EHLO_WITHOUT (else empty)
     * @param afterCapture true when the message is captured before the effect
     */
    public Effect {
        keywords = List.copyOf(keywords);
    }

    /**
     * An effect without keywords that does not capture first.
     *
     * @param kind the kind of effect
     * @param reply the reply to send, or null
     * @param delay how long to wait, or null
     */
    public Effect(Kind kind, SmtpReply reply, Duration delay) {
        this(kind, reply, delay, List.of(), false);
    }

    /**
     * This effect, preceded by capturing the message.
     *
     * @return a copy that captures first
     */
    public Effect capturingFirst() {
        return new Effect(kind, reply, delay, keywords, true);
    }

    /**
     * A description for the transcript and the rule's toString.
     *
     * @return e.g. {@code "reply 550 5.1.1 No such user"}
     */
    public String description() {
        String what = switch (kind) {
            case REPLY -> "reply " + reply;
            case REPLY_AND_CLOSE -> "reply " + reply + " and close";
            case DISCONNECT -> "disconnect";
            case RESET -> "reset the connection";
            case DELAY -> "delay " + delay + (reply == null ? " then proceed" : " then reply " + reply);
            case STALL -> "stall";
            case FAIL_TLS_HANDSHAKE -> "fail the TLS handshake";
            case BLACK_HOLE -> "accept and drop the message";
            case EHLO_WITHOUT -> "answer EHLO without " + String.join(", ", keywords);
        };
        return afterCapture ? "capture the message, then " + what : what;
    }
}
