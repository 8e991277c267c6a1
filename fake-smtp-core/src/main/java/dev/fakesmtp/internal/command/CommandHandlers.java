package dev.fakesmtp.internal.command;

import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.internal.Command;
import dev.fakesmtp.internal.Redaction;
import dev.fakesmtp.internal.RuleRunner;
import dev.fakesmtp.internal.Transaction;
import dev.fakesmtp.internal.rules.RuleEvent;
import java.util.Locale;
import dev.fakesmtp.internal.Session;
import dev.fakesmtp.internal.Verb;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/** Dispatches a command to its verb's handler after the state table has allowed it. */
public final class CommandHandlers {

    private final Map<Verb, CommandHandler> handlers = new EnumMap<>(Verb.class);

    /** The handlers for every verb the server knows. */
    public CommandHandlers() {
        handlers.put(Verb.HELO, new HeloHandler());
        handlers.put(Verb.EHLO, new EhloHandler());
        handlers.put(Verb.MAIL, new MailHandler());
        handlers.put(Verb.RCPT, new RcptHandler());
        handlers.put(Verb.DATA, new DataHandler());
        handlers.put(Verb.BDAT, new BdatHandler());
        handlers.put(Verb.RSET, new RsetHandler());
        handlers.put(Verb.VRFY, new VrfyHandler());
        handlers.put(Verb.EXPN, new ExpnHandler());
        handlers.put(Verb.HELP, new HelpHandler());
        handlers.put(Verb.NOOP, new NoopHandler());
        handlers.put(Verb.QUIT, new QuitHandler());
        handlers.put(Verb.STARTTLS, new StarttlsHandler());
        handlers.put(Verb.AUTH, new AuthHandler());
    }

    /** Answers one command: unknown verb, out of sequence, or the handler's own reply. */
    public void dispatch(Session session, Command command) throws IOException {
        if (!command.verb().filter(Verb.BDAT::equals).isPresent() && intercepted(session, command)) {
            return;
        }
        if (command.verb().isEmpty()) {
            session.reply(command.name().isEmpty()
                    ? SmtpReply.of(500, "5.5.2", "Syntax error: empty command")
                    : SmtpReply.of(500, "5.5.2", "Syntax error, command unrecognized: "
                            + Redaction.commandLine(command.name())));
            return;
        }
        Verb verb = command.verb().get();
        CommandHandler handler = handlers.get(verb);
        if (!handler.checksStateItself()) {
            SmtpReply refusal = refusal(verb, session);
            if (refusal != null) {
                session.reply(refusal);
                return;
            }
        }
        handler.handle(session, command);
    }

    /**
     * Answers a command that the line checks refused before dispatch. A BDAT's chunk is read
     * and dropped first (RFC 3030 §2), so its bytes never run as commands.
     */
    public void refuse(Session session, Command command, SmtpReply refusal) throws IOException {
        if (command.verb().filter(Verb.BDAT::equals).isPresent()) {
            BdatChunk.refuse(session, command, refusal);
        } else {
            session.reply(refusal);
        }
    }

    /**
     * Reads and drops a message the client sent behind a DATA that was refused (it did not wait
     * for the reply, RFC 2920 §3.1), so its lines never run as commands; returns its octets.
     */
    public long discardUnrequestedContent(Session session) throws IOException {
        return DataHandler.discardUnrequestedContent(session);
    }

    /** Lets the failure rules have the command first (BDAT's rules run per chunk, once it is read). */
    private static boolean intercepted(Session session, Command command) throws IOException {
        Transaction transaction = session.transaction();
        RuleEvent event = RuleEvent.command(command.name().toUpperCase(Locale.ROOT), command.argument(),
                transaction == null ? null : transaction.mailFrom(),
                transaction == null ? 0 : transaction.recipients().size());
        if (!RuleRunner.intercept(session, event)) {
            return false;
        }
        SmtpReply reply = session.lastReply();
        if (command.verb().filter(Verb.RCPT::equals).isPresent() && transaction != null
                && session.transaction() == transaction && reply != null && reply.isError()) {
            transaction.rejectRecipient(); // so DATA can answer 554 when a rule refused every recipient
        }
        return true;
    }

    /** The policy guards first (TLS, AUTH), then the state table; null when the verb may run. */
    static SmtpReply refusal(Verb verb, Session session) {
        SmtpReply refusal = Guards.refusal(verb, session);
        return refusal != null ? refusal : StateTable.refusal(verb, session);
    }
}
