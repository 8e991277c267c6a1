package dev.fakesmtp.internal.command;

import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.internal.Command;
import dev.fakesmtp.internal.Session;

/** HELO (RFC 5321 §4.1.1.1): the client's name, no ESMTP. */
final class HeloHandler implements CommandHandler {

    @Override
    public void handle(Session session, Command command) {
        String name = command.argument();
        if (name.isEmpty() || name.contains(" ")) {
            session.reply(SmtpReply.of(501, "5.5.4", "Syntax: HELO <domain>"));
            return;
        }
        if (EhloHandler.refusedAsNotUtf8(session, command)) {
            return;
        }
        // A name that is not UTF-8 was dealt with above: one violation for one fault.
        SmtpReply refusal = command.malformedUtf8() ? null : ToleratedSyntax.heloName(session, "HELO", name);
        if (refusal != null) {
            session.reply(refusal);
            return;
        }
        session.greeted(name, false);
        session.reply(SmtpReply.of(250, "", session.settings().hostname() + " Hello " + name));
    }
}
