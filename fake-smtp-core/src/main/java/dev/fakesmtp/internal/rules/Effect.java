package dev.fakesmtp.internal.rules;

import dev.fakesmtp.SmtpReply;
import java.time.Duration;

/**
 * What a firing rule does instead of (or before) the normal handling.
 *
 * @param kind the kind of effect
 * @param reply the reply to send, for REPLY and DELAY (null to proceed after the delay)
 * @param delay how long to wait, for DELAY
 */
public record Effect(Kind kind, SmtpReply reply, Duration delay) {

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
        /** Answer nothing until the client gives up or the server closes. */
        STALL,
        /** Make the TLS handshake fail: answer STARTTLS, then send bytes that are not TLS and close. */
        FAIL_TLS_HANDSHAKE,
        /** Answer 250 at the end of data but capture nothing. */
        BLACK_HOLE
    }

    /** A description for the transcript and the rule's toString. */
    public String description() {
        return switch (kind) {
            case REPLY -> "reply " + reply;
            case REPLY_AND_CLOSE -> "reply " + reply + " and close";
            case DISCONNECT -> "disconnect";
            case RESET -> "reset the connection";
            case DELAY -> "delay " + delay + (reply == null ? " then proceed" : " then reply " + reply);
            case STALL -> "stall";
            case FAIL_TLS_HANDSHAKE -> "fail the TLS handshake";
            case BLACK_HOLE -> "accept and drop the message";
        };
    }
}
