package dev.fakesmtp.internal.command;

import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.internal.Command;
import dev.fakesmtp.internal.Session;

/** QUIT (RFC 5321 §4.1.1.10): 221 and close, in any state; an open transaction is dropped. */
final class QuitHandler implements CommandHandler {

    @Override
    public void handle(Session session, Command command) {
        if (command.hasArgument()) {
            session.reply(SmtpReply.of(501, "5.5.4", "Syntax: QUIT takes no arguments"));
            return;
        }
        session.endTransaction();
        session.reply(SmtpReply.of(221, "2.0.0", session.settings().hostname() + " Service closing transmission channel"));
        session.closeAfterReplies(SessionEnd.QUIT);
    }
}
