package dev.fakesmtp.internal.command;

import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.internal.Command;
import dev.fakesmtp.internal.Session;
import dev.fakesmtp.internal.SessionState;
import dev.fakesmtp.internal.Transaction;
import dev.fakesmtp.internal.command.AddressRules.Role;
import dev.fakesmtp.internal.command.PathParser.ParsedPath;

/**
 * RCPT TO (RFC 5321 §4.1.1.3): adds a recipient. A refused recipient leaves the others intact
 * and is counted, so that DATA can answer 554 when none was accepted.
 */
final class RcptHandler implements CommandHandler {

    private static final String SYNTAX = "RCPT TO:<address> [parameters]";

    @Override
    public void handle(Session session, Command command) {
        Transaction transaction = session.transaction();
        try {
            AddressRules.checkUtf8(session, command, Role.RECIPIENT);
            ToleratedSyntax.spaceAfterColon(session, command.argument(), "TO:", SYNTAX);
            ParsedPath path = parse(command.argument());
            if (!path.parameters().isEmpty() && !session.esmtp()) {
                throw new CommandRejected(555, "5.5.4", "RCPT parameters need EHLO, not HELO");
            }
            EsmtpParameters.checkRcpt(path.parameters(), session.settings());
            AddressRules.check(session, path, Role.RECIPIENT, transaction.smtpUtf8());
            if (transaction.recipients().size() >= session.settings().maxRecipients()) {
                throw new CommandRejected(452, "4.5.3",
                        "Too many recipients (at most " + session.settings().maxRecipients() + " per message)");
            }
            transaction.accept(session.recentValues().recipient(path.address(), path.parameters()));
            session.state(SessionState.RCPT);
            session.reply(SmtpReply.of(250, "2.1.5", "Recipient <" + path.address() + "> OK"));
        } catch (CommandRejected rejected) {
            transaction.rejectRecipient();
            session.reply(rejected.reply());
        }
    }

    private static ParsedPath parse(String argument) throws CommandRejected {
        ParsedPath path = PathParser.parse(argument, "TO:", SYNTAX, Role.RECIPIENT.syntaxCode(), true);
        if (path.address().isEmpty()) {
            throw new CommandRejected(501, Role.RECIPIENT.syntaxCode(), "A recipient cannot be the null path <>");
        }
        return path;
    }
}
