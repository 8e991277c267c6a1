package dev.fakesmtp.internal.command;

import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.internal.Command;
import dev.fakesmtp.internal.Session;
import dev.fakesmtp.internal.Transaction;
import dev.fakesmtp.internal.command.AddressRules.Role;
import dev.fakesmtp.internal.command.PathParser.ParsedPath;

/** MAIL FROM (RFC 5321 §4.1.1.2): opens a transaction with a reverse-path and its parameters. */
final class MailHandler implements CommandHandler {

    private static final String SYNTAX = "MAIL FROM:<address> [parameters]";

    @Override
    public void handle(Session session, Command command) {
        try {
            AddressRules.checkUtf8(session, command, Role.SENDER);
            ToleratedSyntax.spaceAfterColon(session, command.argument(), "FROM:", SYNTAX);
            ParsedPath path = PathParser.parse(command.argument(), "FROM:", SYNTAX, Role.SENDER.syntaxCode());
            if (!path.parameters().isEmpty() && !session.esmtp()) {
                throw new CommandRejected(555, "5.5.4", "MAIL parameters need EHLO, not HELO");
            }
            EsmtpParameters.checkMail(path.parameters(), session.settings());
            AddressRules.check(session, path, Role.SENDER, path.parameters().containsKey("SMTPUTF8"));
            session.beginTransaction(new Transaction(session.recentValues().shared(path.address()), path.parameters()));
            session.reply(SmtpReply.of(250, "2.1.0", "Sender <" + path.address() + "> OK"));
        } catch (CommandRejected rejected) {
            session.reply(rejected.reply());
        }
    }
}
