package dev.fakesmtp.internal.command;

import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.internal.Command;
import dev.fakesmtp.internal.Session;

/** NOOP (RFC 5321 §4.1.1.9): 250, in any state; an argument is allowed and ignored. */
final class NoopHandler implements CommandHandler {

    @Override
    public void handle(Session session, Command command) {
        session.reply(SmtpReply.of(250, "2.0.0", "OK"));
    }
}
