package dev.fakesmtp.internal;

import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.TranscriptLine.Direction;
import dev.fakesmtp.internal.rules.Effect;
import dev.fakesmtp.internal.rules.RuleClosedConnection;
import dev.fakesmtp.internal.rules.RuleEvent;
import dev.fakesmtp.internal.rules.RuleImpl;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Carries out a firing rule's effect on a session. Returns whether the normal handling should
 * still run; effects that end the connection throw {@link RuleClosedConnection}.
 */
public final class RuleRunner {

    /** How often a delay checks whether its rule was removed while it watches the client. */
    private static final long WATCH_SLICE_MILLIS = 100;

    /** A TLS fatal alert record (handshake_failure): the client's handshake fails at once, cleanly. */
    private static final byte[] TLS_HANDSHAKE_FAILURE_ALERT = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28};

    private RuleRunner() {
    }

    /**
     * Asks the session's rules about {@code event} and applies the first that fires.
     *
     * @return true when a rule handled the event (no normal handling), false to proceed
     */
    public static boolean intercept(Session session, RuleEvent event) throws IOException {
        RuleImpl rule = session.rules().firing(event);
        return rule != null && apply(session, rule, event);
    }

    /** Applies {@code rule}, which fired for {@code event}; true when it handled the event. */
    public static boolean apply(Session session, RuleImpl rule, RuleEvent event) throws IOException {
        Effect effect = rule.effect();
        String mark = rule.description();
        switch (effect.kind()) {
            case REPLY -> {
                reply(session, effect.reply(), mark, effect.reply().code() == 421);
                return true;
            }
            case REPLY_AND_CLOSE -> {
                reply(session, effect.reply(), mark, true);
                return true;
            }
            case DISCONNECT -> {
                session.flush();
                session.record().line(Direction.NOTE, "(connection closed without a reply)", mark);
                session.abort(SessionEnd.CLOSED_BY_RULE, false);
                throw new RuleClosedConnection(mark);
            }
            case RESET -> {
                session.flush();
                session.record().line(Direction.NOTE, "(connection reset)", mark);
                session.abort(SessionEnd.CLOSED_BY_RULE, true);
                throw new RuleClosedConnection(mark);
            }
            case DELAY -> {
                session.flush();
                session.record().line(Direction.NOTE, "(delayed " + effect.delay() + ")", mark);
                if (pause(session, rule, effect.delay())) {
                    session.record().line(Direction.NOTE, "(delay cut short: the rule was removed)", mark);
                }
                if (effect.reply() == null) {
                    return false;
                }
                reply(session, effect.reply(), mark, effect.reply().code() == 421);
                return true;
            }
            case STALL -> {
                session.flush();
                session.record().line(Direction.NOTE, "(stalled: no more replies)", mark);
                stall(session, rule, mark);
                throw new RuleClosedConnection(mark);
            }
            case EHLO_WITHOUT -> {
                session.hideInEhloReply(effect.keywords(), mark);
                return false;
            }
            case FAIL_TLS_HANDSHAKE -> {
                failTlsHandshake(session, mark, event.verb().equals("STARTTLS"));
                throw new RuleClosedConnection(mark);
            }
            case BLACK_HOLE -> {
                String id = session.dropTransaction();
                session.reply(SmtpReply.of(250, "2.0.0", "OK: queued as " + id), mark);
                return true;
            }
            default -> throw new IllegalStateException("Unknown effect " + effect.kind());
        }
    }

    /**
     * Answers STARTTLS (when that is the command) and then sends a TLS alert instead of a
     * ServerHello, so the client's handshake fails as it would against a broken TLS stack.
     */
    static void failTlsHandshake(Session session, String mark, boolean afterStartTls) throws IOException {
        if (afterStartTls) {
            session.reply(SmtpReply.of(220, "2.0.0", "Ready to start TLS"), mark);
            session.flush();
        }
        session.record().line(Direction.NOTE, "(TLS handshake failed on purpose)", mark);
        session.record().tlsFailure("failed by " + mark);
        try {
            session.rawOutput().write(TLS_HANDSHAKE_FAILURE_ALERT);
        } catch (IOException e) {
            // The client already gave up; the handshake failed either way.
        }
        session.abort(SessionEnd.TLS_HANDSHAKE_FAILED, false);
    }

    private static void reply(Session session, SmtpReply reply, String mark, boolean close) {
        session.reply(reply, mark);
        if (close) {
            // RFC 5321 §3.8: after a 421 the server closes the connection.
            session.closeAfterReplies(SessionEnd.CLOSED_BY_RULE);
        }
    }

    /**
     * Waits out a delay, watching the client meanwhile: a client that gives up ends the session
     * (its thread is not kept, and a TLS client that waits for our close_notify is not kept
     * waiting either). Removing the rule ends the wait early (returns true); server shutdown
     * closes the socket and interrupts the thread, which ends it too.
     */
    private static boolean pause(Session session, RuleImpl rule, Duration delay) throws IOException {
        long deadline = System.nanoTime() + delay.toNanos();
        boolean watching = true;
        try {
            while (!rule.isRemoved()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                if (session.timeIsUp()) {
                    // maxSessionDuration bounds a delay too: the session ends with 421 4.4.2.
                    throw new SocketTimeoutException("Session time limit exceeded during a delay");
                }
                if (!watching) {
                    return rule.awaitRemoval(Duration.ofNanos(left));
                }
                Connection.ClientActivity activity = session.watchClient(Math.min(WATCH_SLICE_MILLIS,
                        Math.max(1, TimeUnit.NANOSECONDS.toMillis(left))));
                if (activity == Connection.ClientActivity.CLOSED) {
                    session.record().line(Direction.NOTE, "(delay ended: the client closed the connection)",
                            rule.description());
                    throw new EOFException("The client closed the connection during a delay");
                }
                // Bytes the client sent wait in the buffer for their turn; watching would need more room.
                watching = activity == Connection.ClientActivity.SILENT;
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Delay interrupted by server shutdown");
        }
    }

    /**
     * Reads and drops the client's input, answering nothing, until the client closes, the session
     * time limit passes (then the session ends with 421 4.4.2 like any other), the server shuts
     * down, or the rule is removed (which closes the socket, ending the read and the connection).
     * Every turn blocks in a read, so a stall costs no CPU and, on a virtual thread, no carrier.
     */
    private static void stall(Session session, RuleImpl rule, String mark) throws IOException {
        byte[] sink = new byte[4096];
        RuleImpl.Hold held = rule.whileInPlace(session::closeSocket);
        session.outlastIdle(true);
        try {
            while (true) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("Stall interrupted by server shutdown");
                }
                try {
                    if (session.input().read(sink, 0, sink.length) < 0) {
                        return;
                    }
                } catch (SocketTimeoutException e) {
                    if (session.timeIsUp()) {
                        throw e;
                    }
                    // An idle timeout: a stall outlasts it, as a server that never answers would.
                }
            }
        } catch (IOException e) {
            if (!rule.isRemoved()) {
                throw e;
            }
            session.record().line(Direction.NOTE, "(stall ended: the rule was removed, connection closed)", mark);
            session.abort(SessionEnd.CLOSED_BY_RULE, false);
        } finally {
            session.outlastIdle(false);
            held.close();
        }
    }
}
