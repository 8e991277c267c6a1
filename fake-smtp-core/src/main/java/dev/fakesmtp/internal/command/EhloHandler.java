package dev.fakesmtp.internal.command;

import dev.fakesmtp.Extension;
import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.internal.Command;
import dev.fakesmtp.internal.ServerSettings;
import dev.fakesmtp.internal.Session;
import java.util.ArrayList;
import java.util.List;

/** EHLO (RFC 5321 §4.1.1.1): the client's name; the reply lists the advertised extensions. */
final class EhloHandler implements CommandHandler {

    @Override
    public void handle(Session session, Command command) {
        String name = command.argument();
        if (name.isEmpty() || name.contains(" ")) {
            session.reply(SmtpReply.of(501, "5.5.4", "Syntax: EHLO <domain>"));
            return;
        }
        SmtpReply refusal = ToleratedSyntax.heloName(session, "EHLO", name);
        if (refusal != null) {
            session.reply(refusal);
            return;
        }
        session.greeted(name, true);
        ServerSettings settings = session.settings();
        List<String> lines = new ArrayList<>();
        lines.add(settings.hostname() + " Hello " + name);
        for (Extension extension : Extension.values()) {
            if (!settings.advertises(extension)) {
                continue;
            }
            // BINARYMIME is only usable with BDAT (RFC 3030 §3), so it needs CHUNKING.
            if (extension == Extension.BINARYMIME && !settings.advertises(Extension.CHUNKING)) {
                continue;
            }
            if (extension == Extension.AUTH) {
                if (AuthHandler.offered(session)) {
                    lines.add(AuthHandler.keywordLine(settings));
                }
                continue;
            }
            lines.add(extension == Extension.SIZE
                    ? extension.keyword() + " " + settings.maxMessageSize()
                    : extension.keyword());
        }
        if (StarttlsHandler.offered(session)) {
            lines.add("STARTTLS");
        }
        session.reply(SmtpReply.of(250, "", lines));
    }
}
