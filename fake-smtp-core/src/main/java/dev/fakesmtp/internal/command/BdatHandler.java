package dev.fakesmtp.internal.command;

import dev.fakesmtp.Extension;
import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.internal.ByteSink;
import dev.fakesmtp.internal.Command;
import dev.fakesmtp.internal.RuleRunner;
import dev.fakesmtp.internal.rules.RuleEvent;
import dev.fakesmtp.internal.Session;
import dev.fakesmtp.internal.SessionState;
import dev.fakesmtp.internal.SmtpInput;
import dev.fakesmtp.internal.Transaction;
import dev.fakesmtp.internal.Verb;
import dev.fakesmtp.TranscriptLine.Direction;
import java.io.EOFException;
import java.io.IOException;

/**
 * BDAT (RFC 3030): a chunk of exactly the announced size, binary-safe. The chunk is read off
 * the stream whatever the answer ({@link BdatChunk}), so a refused BDAT never leaves message
 * bytes to be taken for commands. At LAST the message gets the same checks as one sent by DATA.
 */
final class BdatHandler implements CommandHandler {

    @Override
    public boolean checksStateItself() {
        return true;
    }

    @Override
    public void handle(Session session, Command command) throws IOException {
        String[] words = command.argument().split(" +");
        long size = BdatChunk.size(command);
        boolean syntaxOk = size >= 0 && words.length <= 2 && (words.length == 1 || words[1].equalsIgnoreCase("LAST"));
        boolean last = words.length == 2;
        SmtpReply refusal = !syntaxOk ? SmtpReply.of(501, "5.5.4", "Syntax: BDAT <size> [LAST]")
                : !session.settings().advertises(Extension.CHUNKING)
                ? SmtpReply.of(502, "5.5.1", "BDAT needs the CHUNKING extension, which this server does not offer")
                : CommandHandlers.refusal(Verb.BDAT, session);
        if (refusal != null) {
            BdatChunk.refuse(session, command, refusal);
            return;
        }
        Transaction transaction = session.transaction();
        int limit = session.settings().maxMessageSize();
        ByteSink sink = transaction.chunks(limit);
        try {
            readChunk(session.input(), sink, size);
        } catch (IOException e) {
            session.record().line(Direction.CLIENT, "... (BDAT chunk of " + size + " octets cut short, "
                    + sink.size() + " octets of the message received)");
            throw e;
        }
        session.record().line(Direction.CLIENT, "... (" + size + " octets of BDAT chunk" + (last ? ", LAST)" : ")"));
        if (sink.overflowed()) {
            session.endTransaction();
            session.reply(SmtpReply.of(552, "5.3.4", "Message size exceeds fixed maximum message size (" + limit + ")"));
            return;
        }
        if (RuleRunner.intercept(session, RuleEvent.bdatChunk(command.argument(), transaction.mailFrom()))) {
            if (session.transaction() != null) {
                session.endTransaction(); // a refused chunk aborts the transaction: nothing is captured
            }
            return;
        }
        if (!last) {
            session.state(SessionState.CHUNKING);
            session.reply(SmtpReply.of(250, "2.0.0", size + " octets received"));
            return;
        }
        byte[] content = sink.toByteArray();
        session.record().content(content, session.settings().transcriptDataLimit());
        EndOfData.finish(session, content, "OK: " + content.length + " octets, queued as ", null);
    }

    /** Reads exactly {@code size} bytes into the sink. */
    private static void readChunk(SmtpInput input, ByteSink sink, long size) throws IOException {
        byte[] buffer = new byte[(int) Math.min(size, 16 * 1024)];
        long remaining = size;
        while (remaining > 0) {
            int count = input.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (count < 0) {
                throw new EOFException("The client closed the connection in the middle of a BDAT chunk");
            }
            sink.write(buffer, 0, count);
            remaining -= count;
        }
    }
}
