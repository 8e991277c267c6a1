package dev.fakesmtp.internal;

import dev.fakesmtp.Extension;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.TranscriptLine.Direction;
import dev.fakesmtp.Violation;
import dev.fakesmtp.internal.SmtpInput.CommandLine;
import dev.fakesmtp.internal.command.CommandHandlers;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Takes one command line: records it, checks it against the rules a client must follow (line
 * ending, length, pipelining), dispatches it, and counts bad commands in a row. Everything it
 * records or says about the line goes through {@link Redaction} first.
 */
final class LineHandler {

    /** RFC 4954 §4: an AUTH command with its initial response may be up to 12,288 octets. */
    static final int AUTH_LINE = 12_288;
    /** RFC 2920 §3.1 (and RFC 4954 for AUTH): these end a pipelined group; the client must wait. */
    private static final Set<Verb> GROUP_ENDERS = EnumSet.of(Verb.EHLO, Verb.HELO, Verb.VRFY, Verb.EXPN,
            Verb.NOOP, Verb.QUIT, Verb.AUTH);

    private final Session session;
    private final CommandHandlers handlers;
    private int badCommandsInARow;
    private boolean sentWithoutWaiting;
    private Verb previous;
    /** After an AUTH that did not succeed: a line that is no command may be the client's SASL response. */
    private boolean saslResponseMayFollow;

    LineHandler(Session session, CommandHandlers handlers) {
        this.session = session;
        this.handlers = handlers;
    }

    void handle(CommandLine line) throws IOException {
        String text = Utf8.decode(line.bytes()); // no U+FFFD the client did not send
        boolean bareCr = text.indexOf('\r') >= 0;
        // Leniently, a bare CR separates words like a space; it must never reach a reply line.
        Command command = Command.parse(bareCr ? text.replace('\r', ' ') : text, !Utf8.isWellFormed(line.bytes()));
        Verb verb = command.verb().orElse(null);
        boolean auth = Redaction.isAuthCommand(text);
        boolean saslResponse = verb == null && !auth && saslResponseMayFollow;
        String shown = saslResponse ? Redaction.saslResponse(text) : Redaction.commandLine(text);
        session.record().line(Direction.CLIENT, line.tooLong() ? shown + "... (" + line.octets() + " octets)" : shown);

        SmtpReply refusal = lineRefusal(line, shown, bareCr, verb, command.argument());
        if (refusal == null) {
            refusal = pipeliningRefusal(verb, shown);
        }
        session.clearLastReply();
        SmtpInput input = session.input();
        boolean contentAhead = verb == Verb.DATA && input.hasBuffered();
        long consumedBefore = input.consumed();
        if (refusal != null) {
            handlers.refuse(session, command, refusal);
        } else if (saslResponse) {
            session.reply(SmtpReply.of(500, "5.5.2", "Syntax error: not a command (taken for an authentication"
                    + " response after an AUTH that did not succeed, so not repeated here)"));
        } else {
            handlers.dispatch(session, command);
        }
        if (contentAhead) {
            unrequestedContent(input.consumed() == consumedBefore);
        }
        SmtpReply last = session.lastReply();
        saslResponseMayFollow = auth ? last == null || last.code() != 235 : saslResponse;
        previous = verb;
        // Bytes already here while the reply is still unsent: the client did not wait for it.
        sentWithoutWaiting = input.hasBuffered();
        countBadCommand(last != null && isBadCommandReply(last.code()));
    }

    /** The line's own faults: a bare CR inside it, its length, a bare LF at its end. */
    private SmtpReply lineRefusal(CommandLine line, String shown, boolean bareCr, Verb verb, String argument) {
        if (bareCr && session.violation(Violation.Type.BARE_CR,
                "Command line has a bare CR: " + shown.replace("\r", "<CR>"))) {
            return SmtpReply.of(500, "5.5.2", "Syntax error: a bare CR inside a command line");
        }
        ServerSettings settings = session.settings();
        boolean auth = verb == Verb.AUTH;
        int extra = CommandLineLimit.allowance(verb, argument);
        int configured = auth ? Math.max(AUTH_LINE, settings.maxCommandLineLength())
                : settings.maxCommandLineLength() + extra;
        if (line.tooLong() || line.octets() > configured) {
            session.record().violation(Violation.Type.COMMAND_LINE_TOO_LONG,
                    line.octets() + " octets, over the limit of " + configured + ": " + shown);
            return SmtpReply.of(500, "5.5.6", "Line too long (the limit is " + configured + " octets)");
        }
        if (line.bareLf() && session.violation(Violation.Type.BARE_LF, "Command line ended in a bare LF: " + shown)) {
            return SmtpReply.of(500, "5.5.2", "Syntax error: end command lines with CRLF, not a bare LF");
        }
        int rfc = CommandLineLimit.RFC_COMMAND_LINE + extra;
        if (line.octets() > rfc && !auth && session.violation(Violation.Type.COMMAND_LINE_TOO_LONG,
                line.octets() + " octets (RFC 5321 allows " + rfc + "): " + shown)) {
            return SmtpReply.of(500, "5.5.6", "Line too long (RFC 5321 allows " + rfc + " octets)");
        }
        return null;
    }

    private SmtpReply pipeliningRefusal(Verb verb, String shown) {
        if (!sentWithoutWaiting || previous == null) {
            return null;
        }
        boolean violated = pipelined(GROUP_ENDERS.contains(previous), "Sent without waiting for the reply to "
                + previous, ": " + shown);
        return violated ? SmtpReply.of(500, "5.5.0", "Protocol violation: wait for each reply" + (pipeliningOffered()
                ? " after " + previous : ", PIPELINING is not offered")) : null;
    }

    /**
     * The client sent its message right behind DATA, before the 354 (RFC 2920 §3.1: DATA ends a
     * group), the mistake of a client that writes a whole transaction at once. When DATA was
     * refused, that message is still on its way: it is read up to CRLF.CRLF and dropped, because
     * its lines would otherwise run as commands.
     */
    private void unrequestedContent(boolean dataRefused) throws IOException {
        String outcome = "";
        if (dataRefused && !session.closing()) {
            long dropped = handlers.discardUnrequestedContent(session);
            outcome = "; DATA was refused, so its " + dropped + " octets up to CRLF.CRLF were discarded, not run"
                    + " as commands";
        }
        pipelined(true, "Message content sent without waiting for the reply to DATA", outcome);
    }

    /** Records a pipelining violation (after a group's end, or PIPELINING not offered); true when strict. */
    private boolean pipelined(boolean afterGroupEnd, String what, String tail) {
        if (!pipeliningOffered()) {
            return session.violation(Violation.Type.PIPELINING_NOT_ADVERTISED, what + tail);
        }
        return afterGroupEnd && session.violation(Violation.Type.PIPELINING_AFTER_GROUP_END,
                what + ", which ends a group" + tail);
    }

    private boolean pipeliningOffered() {
        return session.esmtp() && session.settings().advertises(Extension.PIPELINING);
    }

    private static boolean isBadCommandReply(int code) {
        return code == 500 || code == 501 || code == 502 || code == 503 || code == 504 || code == 555;
    }

    private void countBadCommand(boolean bad) {
        badCommandsInARow = bad ? badCommandsInARow + 1 : 0;
        if (badCommandsInARow >= session.settings().maxBadCommands()) {
            session.reply(SmtpReply.of(421, "4.7.0",
                    session.settings().hostname() + " Too many bad commands, closing connection"));
            session.closeAfterReplies(SessionEnd.TOO_MANY_ERRORS);
        }
    }
}
