package dev.fakesmtp.internal.command;

import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.internal.Command;
import dev.fakesmtp.internal.Session;

/** RSET (RFC 5321 §4.1.1.5): aborts the transaction, in any state. */
final class RsetHandler implements CommandHandler {

    @Override
    public void handle(Session session, Command command) {
        if (command.hasArgument()) {
            session.reply(SmtpReply.of(501, "5.5.4", "Syntax: RSET takes no arguments"));
            return;
        }
        session.endTransaction();
        session.reply(SmtpReply.of(250, "2.0.0", "OK"));
    }
}
