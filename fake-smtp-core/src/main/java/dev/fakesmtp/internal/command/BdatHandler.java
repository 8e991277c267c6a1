package dev.fakesmtp.internal.command;

import dev.fakesmtp.Extension;
import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.Violation;
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
 * the stream whatever the answer, so a refused BDAT never leaves message bytes to be taken
 * for commands.
 */
final class BdatHandler implements CommandHandler {

    @Override
    public boolean checksStateItself() {
        return true;
    }

    @Override
    public void handle(Session session, Command command) throws IOException {
        String[] words = command.argument().split(" +");
        boolean syntaxOk = command.hasArgument() && words.length <= 2 && words[0].matches("[0-9]{1,18}")
                && (words.length == 1 || words[1].equalsIgnoreCase("LAST"));
        if (!syntaxOk) {
            session.reply(SmtpReply.of(501, "5.5.4", "Syntax: BDAT <size> [LAST]"));
            return;
        }
        long size = Long.parseLong(words[0]);
        boolean last = words.length == 2;
        SmtpReply refusal = session.settings().advertises(Extension.CHUNKING)
                ? CommandHandlers.refusal(Verb.BDAT, session)
                : SmtpReply.of(502, "5.5.1", "BDAT needs the CHUNKING extension, which this server does not offer");
        if (refusal != null) {
            discard(session.input(), size);
            session.record().line(Direction.CLIENT, "... (" + size + " octets of BDAT chunk discarded)");
            session.reply(refusal);
            return;
        }
        Transaction transaction = session.transaction();
        int limit = session.settings().maxMessageSize();
        ByteSink sink = transaction.chunks(limit);
        boolean eightBit;
        try {
            eightBit = readChunk(session.input(), sink, size);
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
        if (eightBit && transaction.declaresSevenBitOnly()
                && session.violation(Violation.Type.EIGHT_BIT_WITHOUT_8BITMIME,
                "BDAT chunk has 8-bit octets but MAIL FROM had no BODY=8BITMIME or BINARYMIME")) {
            session.endTransaction();
            session.reply(SmtpReply.of(550, "5.6.0", "Message refused: 8-bit content without BODY=8BITMIME"));
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
        ContentTranscript.record(session.record(), content, session.settings().transcriptDataLimit());
        EndOfData.finish(session, content, "OK: " + content.length + " octets, queued as ");
    }

    /** Reads exactly {@code size} bytes into the sink; returns whether any had the high bit set. */
    private static boolean readChunk(SmtpInput input, ByteSink sink, long size) throws IOException {
        byte[] buffer = new byte[(int) Math.min(size, 16 * 1024)];
        boolean eightBit = false;
        long remaining = size;
        while (remaining > 0) {
            int count = input.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (count < 0) {
                throw new EOFException("The client closed the connection in the middle of a BDAT chunk");
            }
            for (int i = 0; i < count && !eightBit; i++) {
                eightBit = buffer[i] < 0;
            }
            sink.write(buffer, 0, count);
            remaining -= count;
        }
        return eightBit;
    }

    private static void discard(SmtpInput input, long size) throws IOException {
        if (input.skip(size) < size) {
            throw new EOFException("The client closed the connection in the middle of a BDAT chunk");
        }
    }
}
