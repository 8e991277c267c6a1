package dev.fakesmtp.internal.command;

import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.internal.Command;
import dev.fakesmtp.internal.Session;
import dev.fakesmtp.internal.Verb;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** HELP (RFC 5321 §4.1.1.8): 214 with the supported commands, or one command's syntax. */
final class HelpHandler implements CommandHandler {

    private static final Map<Verb, String> SYNTAX = new EnumMap<>(Verb.class);

    static {
        SYNTAX.put(Verb.HELO, "HELO <domain>");
        SYNTAX.put(Verb.EHLO, "EHLO <domain>");
        SYNTAX.put(Verb.MAIL, "MAIL FROM:<reverse-path> [SIZE=n] [BODY=7BIT|8BITMIME|BINARYMIME] [SMTPUTF8] [RET=FULL|HDRS] [ENVID=id] [AUTH=mailbox]");
        SYNTAX.put(Verb.RCPT, "RCPT TO:<forward-path> [NOTIFY=NEVER|SUCCESS,FAILURE,DELAY] [ORCPT=type;address]");
        SYNTAX.put(Verb.DATA, "DATA, then the message, ended by a line with a single dot");
        SYNTAX.put(Verb.BDAT, "BDAT <size> [LAST], then exactly <size> octets");
        SYNTAX.put(Verb.RSET, "RSET");
        SYNTAX.put(Verb.VRFY, "VRFY <user or mailbox>");
        SYNTAX.put(Verb.EXPN, "EXPN <mailing list>");
        SYNTAX.put(Verb.HELP, "HELP [command]");
        SYNTAX.put(Verb.NOOP, "NOOP");
        SYNTAX.put(Verb.QUIT, "QUIT");
        SYNTAX.put(Verb.STARTTLS, "STARTTLS, then a TLS handshake (when offered)");
        SYNTAX.put(Verb.AUTH, "AUTH <mechanism> [initial-response]");
    }

    @Override
    public void handle(Session session, Command command) {
        if (!command.hasArgument()) {
            String verbs = Arrays.stream(Verb.values()).map(Verb::name).collect(Collectors.joining(" "));
            session.reply(SmtpReply.of(214, "2.0.0", List.of(
                    "fake-smtp, an SMTP server for tests. Commands:", verbs, "HELP <command> for its syntax")));
            return;
        }
        Optional<Verb> verb = Verb.parse(command.argument());
        if (verb.isEmpty()) {
            session.reply(SmtpReply.of(504, "5.5.1", "HELP: unknown command " + command.argument()));
            return;
        }
        session.reply(SmtpReply.of(214, "2.0.0", SYNTAX.get(verb.get())));
    }
}
