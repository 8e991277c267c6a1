package dev.fakesmtp.internal.command;

import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.internal.Command;
import dev.fakesmtp.internal.ServerSettings;
import dev.fakesmtp.internal.Session;
import java.util.List;
import java.util.Optional;

/**
 * EXPN (RFC 5321 §3.5): 250 with one line per member of a configured list, 550 for a user or
 * an unknown list; 252 2.5.0 when the server has no lists configured (2.5.0 as for VRFY's 252).
 */
final class ExpnHandler implements CommandHandler {

    @Override
    public void handle(Session session, Command command) {
        if (!command.hasArgument()) {
            session.reply(SmtpReply.of(501, "5.5.4", "Syntax: EXPN <mailing list>"));
            return;
        }
        ServerSettings settings = session.settings();
        String name = Directory.unbracket(command.argument());
        Optional<List<String>> members = Directory.mailingList(settings, name);
        if (members.isPresent()) {
            List<String> lines = members.get().stream().map(member -> Directory.member(settings, member)).toList();
            session.reply(SmtpReply.of(250, "2.1.5", lines));
        } else if (!Directory.matchingUsers(settings, name).isEmpty()) {
            session.reply(SmtpReply.of(550, "5.1.1", "That is a user name, not a mailing list"));
        } else if (settings.mailingLists().isEmpty()) {
            session.reply(SmtpReply.of(252, "2.5.0", "Cannot EXPN, but will accept message and attempt delivery"));
        } else {
            session.reply(SmtpReply.of(550, "5.1.1", "Mailing list unknown: " + name));
        }
    }
}
