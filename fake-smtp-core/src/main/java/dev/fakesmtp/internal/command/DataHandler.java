package dev.fakesmtp.internal.command;

import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.TranscriptLine.Direction;
import dev.fakesmtp.Violation;
import dev.fakesmtp.internal.ByteSink;
import dev.fakesmtp.internal.Command;
import dev.fakesmtp.internal.Session;
import dev.fakesmtp.internal.SessionRecord;
import dev.fakesmtp.internal.Transaction;
import java.io.IOException;

/**
 * DATA (RFC 5321 §4.1.1.4): 354, the message up to CRLF.CRLF, then 250 once the message is in
 * the mailbox, or 552 when it was larger than the limit (the excess is read and dropped).
 */
final class DataHandler implements CommandHandler {

    @Override
    public void handle(Session session, Command command) throws IOException {
        if (command.hasArgument()) {
            session.reply(SmtpReply.of(501, "5.5.4", "Syntax: DATA takes no arguments"));
            return;
        }
        Transaction transaction = session.transaction();
        if (transaction.body().equals("BINARYMIME")) {
            session.reply(SmtpReply.of(503, "5.5.1", "BODY=BINARYMIME needs BDAT, not DATA (RFC 3030)"));
            return;
        }
        session.reply(SmtpReply.of(354, "", "Start mail input; end with <CRLF>.<CRLF>"));
        session.flush(); // DATA ends a pipelined group: the client waits for 354 (RFC 2920 §3.1)
        int limit = session.settings().maxMessageSize();
        ByteSink sink = new ByteSink(limit);
        DataReader reader = new DataReader(session.settings().maxTextLineLength());
        SessionRecord record = session.record();
        try {
            reader.read(session.input(), sink);
        } catch (IOException e) {
            // Show how far the client got before it vanished or went silent.
            byte[] partial = sink.toByteArray();
            ContentTranscript.record(record, partial, session.settings().transcriptDataLimit());
            throw e;
        }
        byte[] content = sink.toByteArray();
        ContentTranscript.record(record, content, session.settings().transcriptDataLimit());
        record.line(Direction.CLIENT, ".");
        if (sink.overflowed()) {
            session.endTransaction();
            session.reply(SmtpReply.of(552, "5.3.4", "Message size exceeds fixed maximum message size (" + limit + ")"));
            return;
        }
        String violation = contentViolation(session, reader, transaction);
        if (violation != null) {
            // Strict mode: refuse the whole message, so a smuggled second message is never captured.
            session.endTransaction();
            session.reply(SmtpReply.of(550, "5.6.0", violation));
            return;
        }
        EndOfData.finish(session, content, "OK: queued as ");
    }

    /** Records the content's violations; returns the refusal text of the first one when strict, else null. */
    private static String contentViolation(Session session, DataReader reader, Transaction transaction) {
        String refusal = null;
        if (reader.sawBareLf() && session.violation(Violation.Type.BARE_LF,
                "Message content has a bare LF (only CRLF ends a line)")) {
            refusal = "Message refused: bare LF in the content (only CRLF ends a line)";
        }
        if (reader.sawBareCr() && session.violation(Violation.Type.BARE_CR,
                "Message content has a bare CR (only CRLF ends a line)") && refusal == null) {
            refusal = "Message refused: bare CR in the content (only CRLF ends a line)";
        }
        if (reader.sawLongLine() && session.violation(Violation.Type.TEXT_LINE_TOO_LONG,
                "Message content has a line over the text line limit (RFC 5321 §4.5.3.1.6)") && refusal == null) {
            refusal = "Message refused: a line is longer than " + session.settings().maxTextLineLength() + " octets";
        }
        if (reader.sawEightBit() && transaction.declaresSevenBitOnly()
                && session.violation(Violation.Type.EIGHT_BIT_WITHOUT_8BITMIME,
                "Message content has 8-bit octets but MAIL FROM had neither BODY=8BITMIME nor SMTPUTF8")
                && refusal == null) {
            refusal = "Message refused: 8-bit content without BODY=8BITMIME";
        }
        return refusal;
    }
}
