package dev.fakesmtp.internal.command;

import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.TranscriptLine.Direction;
import dev.fakesmtp.internal.Command;
import dev.fakesmtp.internal.Session;
import java.io.EOFException;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The one rule for refusing a BDAT, wherever the refusal comes from (a line check, a policy,
 * the state table, the syntax): a line that announces {@code BDAT <size>} is followed by exactly
 * that many octets, so they are read and dropped before the refusal (RFC 3030 §2), and never run
 * as commands. When the size cannot be read, nobody knows where the chunk ends: the server
 * answers 421 and closes rather than guess.
 */
final class BdatChunk {

    /** RFC 3030's chunk-size is 1*DIGIT; more than 18 digits cannot be a chunk anyone sends. */
    private static final Pattern SIZE = Pattern.compile("[0-9]{1,18}");

    private BdatChunk() {
    }

    /** The size a BDAT line announces, or -1 when its first argument is not a size the server can read. */
    static long size(Command command) {
        String first = command.argument().split(" ", 2)[0];
        return SIZE.matcher(first).matches() ? Long.parseLong(first) : -1;
    }

    /** Reads and drops the chunk, then answers with {@code refusal}; closes with 421 when the size is unreadable. */
    static void refuse(Session session, Command command, SmtpReply refusal) throws IOException {
        long size = size(command);
        if (size < 0) {
            session.reply(SmtpReply.of(421, "4.5.2", session.settings().hostname() + " BDAT needs a chunk size of"
                    + " at most 18 digits; without one the chunk cannot be told from commands, closing connection"));
            session.closeAfterReplies(SessionEnd.PROTOCOL_ERROR);
            return;
        }
        long skipped = session.input().skip(size);
        if (skipped < size) {
            // As for an accepted chunk cut short: the transcript says how far the client got.
            session.record().line(Direction.CLIENT, "... (BDAT chunk of " + size + " octets cut short after " + skipped
                    + ", discarded)");
            throw new EOFException("The client closed the connection in the middle of a BDAT chunk");
        }
        session.record().line(Direction.CLIENT, "... (" + size + " octets of BDAT chunk discarded)");
        session.reply(refusal);
    }
}
