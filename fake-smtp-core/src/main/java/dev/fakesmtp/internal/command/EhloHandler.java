package dev.fakesmtp.internal.command;

import dev.fakesmtp.Extension;
import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.Violation;
import dev.fakesmtp.internal.Command;
import dev.fakesmtp.internal.EhloFilter;
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
        if (refusedAsNotUtf8(session, command)) {
            return;
        }
        // A name that is not UTF-8 was dealt with above: one violation for one fault.
        SmtpReply refusal = command.malformedUtf8() ? null : ToleratedSyntax.heloName(session, "EHLO", name);
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
        EhloFilter filter = session.ehloFilter();
        if (filter == null) {
            session.reply(SmtpReply.of(250, "", lines));
            return;
        }
        // The greeting line stays; a rule hides only keyword lines.
        List<String> shown = new ArrayList<>(lines.subList(0, 1));
        lines.subList(1, lines.size()).stream().filter(line -> !filter.hides(line)).forEach(shown::add);
        session.reply(SmtpReply.of(250, "", shown), filter.rule());
    }

    /**
     * An EHLO or HELO name that is not UTF-8 is recorded; a lenient server keeps it with the bad
     * octets written {@code \xHH} (never U+FFFD), a strict one answers 501 and returns true.
     */
    static boolean refusedAsNotUtf8(Session session, Command command) {
        if (command.malformedUtf8()
                && session.violation(Violation.Type.MALFORMED_UTF8, "Not valid UTF-8: " + command.line())) {
            session.reply(SmtpReply.of(501, "5.5.4", "Not valid UTF-8 (RFC 3629): " + command.argument()));
            return true;
        }
        return false;
    }
}
