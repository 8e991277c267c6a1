package dev.fakesmtp.internal.command;

import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.TranscriptLine.Direction;
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
        // Content already here was sent before the 354 (RFC 2920 §3.1: DATA ends a group); the
        // session records the violation, a strict server refuses the message once it is read.
        SmtpReply early = session.input().hasBuffered() && session.settings().strict()
                ? SmtpReply.of(550, "5.5.0", "Message refused: its content was sent before the 354 reply to DATA"
                        + " (RFC 2920 §3.1)")
                : null;
        session.reply(SmtpReply.of(354, "", "Start mail input; end with <CRLF>.<CRLF>"));
        session.flush(); // DATA ends a pipelined group: the client waits for 354 (RFC 2920 §3.1)
        int limit = session.settings().maxMessageSize();
        ByteSink sink = new ByteSink(limit);
        SessionRecord record = session.record();
        try {
            new DataReader().read(session.input(), sink);
        } catch (IOException e) {
            // Show how far the client got before it vanished or went silent.
            byte[] partial = sink.toByteArray();
            record.content(partial, session.settings().transcriptDataLimit());
            throw e;
        }
        byte[] content = sink.toByteArray();
        record.content(content, session.settings().transcriptDataLimit());
        record.line(Direction.CLIENT, ".");
        if (sink.overflowed()) {
            session.endTransaction();
            session.reply(SmtpReply.of(552, "5.3.4", "Message size exceeds fixed maximum message size (" + limit + ")"));
            return;
        }
        EndOfData.finish(session, content, "OK: queued as ", early);
    }

    /**
     * After a refused DATA whose message the client had already sent (it did not wait for the
     * reply): reads the message up to CRLF.CRLF and drops it, so its lines never run as
     * commands. Returns how many octets were dropped.
     */
    static long discardUnrequestedContent(Session session) throws IOException {
        ByteSink sink = new ByteSink(0);
        long before = session.input().consumed();
        new DataReader().read(session.input(), sink);
        long dropped = session.input().consumed() - before;
        session.record().line(Direction.CLIENT, "... (" + dropped + " octets of message content sent before the"
                + " reply to DATA, discarded)");
        return dropped;
    }
}
