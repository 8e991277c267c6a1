package dev.fakesmtp.internal.command;

import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.internal.Command;
import dev.fakesmtp.internal.ServerSettings;
import dev.fakesmtp.internal.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * VRFY (RFC 5321 §3.5): 250 for one configured user, 553 when ambiguous, 550 when unknown;
 * 252 ("cannot verify, will accept") when the server has no users configured. The 252 carries
 * 2.5.0 (RFC 3463 "other or undefined protocol status"), not 2.1.5 ("destination address
 * valid"), which would claim the very thing 252 says it cannot tell.
 */
final class VrfyHandler implements CommandHandler {

    @Override
    public void handle(Session session, Command command) {
        if (!command.hasArgument()) {
            session.reply(SmtpReply.of(501, "5.5.4", "Syntax: VRFY <user or mailbox>"));
            return;
        }
        ServerSettings settings = session.settings();
        String query = Directory.unbracket(command.argument());
        List<String> matches = Directory.matchingUsers(settings, query);
        if (matches.size() == 1) {
            session.reply(SmtpReply.of(250, "2.1.5", matches.get(0)));
        } else if (matches.size() > 1) {
            List<String> lines = new ArrayList<>();
            lines.add("User ambiguous; possibilities are");
            lines.addAll(matches);
            session.reply(SmtpReply.of(553, "5.1.4", lines));
        } else if (Directory.mailingList(settings, query).isPresent()) {
            session.reply(SmtpReply.of(550, "5.1.1", "That is a mailing list, not a user"));
        } else if (settings.users().isEmpty()) {
            session.reply(SmtpReply.of(252, "2.5.0", "Cannot VRFY user, but will accept message and attempt delivery"));
        } else {
            session.reply(SmtpReply.of(550, "5.1.1", "User unknown: " + query));
        }
    }
}
