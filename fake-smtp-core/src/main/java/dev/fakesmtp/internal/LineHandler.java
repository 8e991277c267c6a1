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
 * ending, length, pipelining), dispatches it, and counts bad commands in a row.
 */
final class LineHandler {

    /** RFC 5321 §4.5.3.1.4. */
    static final int RFC_COMMAND_LINE = 512;
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

    LineHandler(Session session, CommandHandlers handlers) {
        this.session = session;
        this.handlers = handlers;
    }

    void handle(CommandLine line) throws IOException {
        ServerSettings settings = session.settings();
        SessionRecord record = session.record();
        String text = Utf8.decode(line.bytes()); // no U+FFFD the client did not send
        record.line(Direction.CLIENT, line.tooLong() ? text + "... (" + line.octets() + " octets)" : transcribed(text));
        SmtpReply crRefusal = null;
        if (text.indexOf('\r') >= 0) {
            if (session.violation(Violation.Type.BARE_CR, "Command line has a bare CR: " + text.replace("\r", "<CR>"))) {
                crRefusal = SmtpReply.of(500, "5.5.2", "Syntax error: a bare CR inside a command line");
            }
            // Leniently, a bare CR separates words like a space; it must never reach a reply line.
            text = text.replace('\r', ' ');
        }
        Command command = Command.parse(text, !Utf8.isWellFormed(line.bytes()));
        Verb verb = command.verb().orElse(null);
        SmtpReply refusal = crRefusal != null ? crRefusal : lineRefusal(line, text, verb, settings, record);
        if (refusal == null) {
            refusal = pipeliningRefusal(verb, text);
        }
        session.clearLastReply();
        if (refusal != null) {
            session.reply(refusal);
        } else {
            handlers.dispatch(session, command);
        }
        previous = verb;
        // Bytes already here while the reply is still unsent: the client did not wait for it.
        sentWithoutWaiting = session.input().hasBuffered();
        SmtpReply last = session.lastReply();
        countBadCommand(last != null && isBadCommandReply(last.code()));
    }

    /**
     * The line as the transcript keeps it: an AUTH initial response carries the client's secret
     * (base64 is no protection), and transcripts end up in failure messages and CI logs.
     */
    private static String transcribed(String text) {
        if (text.regionMatches(true, 0, "AUTH ", 0, 5)) {
            int space = text.indexOf(' ', 5);
            if (space > 0 && space < text.length() - 1) {
                return text.substring(0, space) + " " + SaslTranscript.hidden(text.length() - space - 1);
            }
        }
        return text;
    }

    private SmtpReply lineRefusal(CommandLine line, String text, Verb verb, ServerSettings settings,
                                  SessionRecord record) {
        boolean auth = verb == Verb.AUTH;
        int extra = extensionAllowance(verb);
        if (line.tooLong() || (line.octets() > settings.maxCommandLineLength() + extra && !auth)) {
            record.violation(Violation.Type.COMMAND_LINE_TOO_LONG,
                    line.octets() + " octets, over the limit of " + (settings.maxCommandLineLength() + extra));
            return SmtpReply.of(500, "5.5.6", "Line too long (the limit is "
                    + (auth ? AUTH_LINE : settings.maxCommandLineLength() + extra) + " octets)");
        }
        if (line.bareLf() && session.violation(Violation.Type.BARE_LF, "Command line ended in a bare LF: " + text)) {
            return SmtpReply.of(500, "5.5.2", "Syntax error: end command lines with CRLF, not a bare LF");
        }
        if (line.octets() > RFC_COMMAND_LINE + extra && !auth && session.violation(Violation.Type.COMMAND_LINE_TOO_LONG,
                line.octets() + " octets (RFC 5321 allows " + (RFC_COMMAND_LINE + extra) + "): " + text)) {
            return SmtpReply.of(500, "5.5.6", "Line too long (RFC 5321 allows " + (RFC_COMMAND_LINE + extra) + " octets)");
        }
        return null;
    }

    /**
     * ESMTP extensions lengthen MAIL and RCPT (RFC 5321 §4.5.3.1.4): MAIL by 500 for AUTH=
     * (RFC 4954 §3), 100 for RET/ENVID (RFC 3461 §4), 26 for SIZE (RFC 1870) and 14 for BODY;
     * RCPT by 500 for NOTIFY/ORCPT (RFC 3461 §4).
     */
    private static int extensionAllowance(Verb verb) {
        if (verb == Verb.MAIL) {
            return 500 + 100 + 26 + 14;
        }
        return verb == Verb.RCPT ? 500 : 0;
    }

    private SmtpReply pipeliningRefusal(Verb verb, String text) {
        if (!sentWithoutWaiting || previous == null) {
            return null;
        }
        boolean offered = session.esmtp() && session.settings().advertises(Extension.PIPELINING);
        boolean violated;
        if (!offered) {
            violated = session.violation(Violation.Type.PIPELINING_NOT_ADVERTISED,
                    "Sent without waiting for the reply to " + previous + ": " + text);
        } else if (GROUP_ENDERS.contains(previous)) {
            violated = session.violation(Violation.Type.PIPELINING_AFTER_GROUP_END,
                    "Sent without waiting for the reply to " + previous + ", which ends a group: " + text);
        } else {
            violated = false;
        }
        return violated ? SmtpReply.of(500, "5.5.0", "Protocol violation: wait for each reply" + (offered
                ? " after " + previous : ", PIPELINING is not offered")) : null;
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
