package dev.fakesmtp;

import dev.fakesmtp.internal.rules.Stage;
import dev.fakesmtp.internal.rules.TriggerSpec;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * When a failure rule fires: a point in the SMTP dialogue, optionally narrowed to a sender,
 * recipient, user or message. Pass one to {@link FakeSmtpServer#on(Trigger)}.
 *
 * <pre>{@code
 * smtp.on(Trigger.rcptTo("bob@example.com")).reply(550, "5.1.1 No such user");
 * smtp.on(Trigger.connect()).times(2).reply(421, "4.3.2 Try again later");
 * }</pre>
 */
public interface Trigger {

    /** {@return a description such as {@code "RCPT TO <bob@example.com>"}} */
    String description();

    /** {@return a trigger for a new connection, before the greeting (after the handshake on an implicit-TLS port, unless failing it)} */
    static Trigger connect() {
        return new TriggerSpec("connect", false, event -> event.stage() == Stage.CONNECT);
    }

    /** {@return a trigger for EHLO or HELO} */
    static Trigger ehlo() {
        return new TriggerSpec("EHLO/HELO", false, event -> event.stage() == Stage.COMMAND
                && (event.verb().equals("EHLO") || event.verb().equals("HELO")));
    }

    /** {@return a trigger for STARTTLS; with {@link RuleBuilder#failTlsHandshake()} the handshake that follows fails} */
    static Trigger startTls() {
        return command("STARTTLS");
    }

    /** {@return a trigger for the verdict of any AUTH exchange, after the client sent its credentials} */
    static Trigger auth() {
        return new TriggerSpec("AUTH", false, event -> event.stage() == Stage.AUTH_RESULT);
    }

    /**
     * The verdict of an AUTH exchange for one user (compared exactly).
     *
     * @param user the user name
     * @return the trigger
     */
    static Trigger auth(String user) {
        Objects.requireNonNull(user, "user");
        return new TriggerSpec("AUTH as " + user, false,
                event -> event.stage() == Stage.AUTH_RESULT && user.equals(event.user()));
    }

    /** {@return a trigger for any MAIL command} */
    static Trigger mailFrom() {
        return command("MAIL");
    }

    /**
     * MAIL from this sender (compared ignoring case).
     *
     * @param sender the sender address
     * @return the trigger
     */
    static Trigger mailFrom(String sender) {
        Objects.requireNonNull(sender, "sender");
        return mailFrom("MAIL FROM <" + sender + ">", sender::equalsIgnoreCase);
    }

    /**
     * MAIL from a sender that matches the whole pattern.
     *
     * @param sender a pattern the whole sender address must match
     * @return the trigger
     */
    static Trigger mailFrom(Pattern sender) {
        Objects.requireNonNull(sender, "sender");
        return mailFrom("MAIL FROM matching /" + sender + "/", address -> sender.matcher(address).matches());
    }

    /**
     * MAIL from a sender the predicate accepts; {@code description} names it in transcripts.
     *
     * @param description how transcripts and rule listings name the condition
     * @param sender accepts the sender addresses the rule is for
     * @return the trigger
     */
    static Trigger mailFrom(String description, Predicate<String> sender) {
        return addressCommand("MAIL", description, Objects.requireNonNull(sender, "sender"));
    }

    /** {@return a trigger for any RCPT command} */
    static Trigger rcptTo() {
        return command("RCPT");
    }

    /**
     * RCPT to this recipient (compared ignoring case).
     *
     * @param recipient the recipient address
     * @return the trigger
     */
    static Trigger rcptTo(String recipient) {
        Objects.requireNonNull(recipient, "recipient");
        return rcptTo("RCPT TO <" + recipient + ">", recipient::equalsIgnoreCase);
    }

    /**
     * RCPT to a recipient that matches the whole pattern.
     *
     * @param recipient a pattern the whole recipient address must match
     * @return the trigger
     */
    static Trigger rcptTo(Pattern recipient) {
        Objects.requireNonNull(recipient, "recipient");
        return rcptTo("RCPT TO matching /" + recipient + "/", address -> recipient.matcher(address).matches());
    }

    /**
     * RCPT to a recipient the predicate accepts; {@code description} names it in transcripts.
     *
     * @param description how transcripts and rule listings name the condition
     * @param recipient accepts the recipient addresses the rule is for
     * @return the trigger
     */
    static Trigger rcptTo(String description, Predicate<String> recipient) {
        return addressCommand("RCPT", description, Objects.requireNonNull(recipient, "recipient"));
    }

    /** {@return a trigger for the DATA command, before its 354} */
    static Trigger data() {
        return command("DATA");
    }

    /** {@return a trigger for the end of any message (DATA's final dot or BDAT LAST), before it is captured} */
    static Trigger endOfData() {
        return new TriggerSpec("end of data", true, event -> event.stage() == Stage.END_OF_DATA);
    }

    /**
     * The end of a message the predicate accepts (e.g. by subject, size or recipient).
     *
     * @param message accepts the messages the rule is for; one that throws is no match
     * @return the trigger
     */
    static Trigger endOfData(Predicate<ReceivedMail> message) {
        Objects.requireNonNull(message, "message");
        return new TriggerSpec("end of data of a matching message", true,
                event -> event.stage() == Stage.END_OF_DATA && message.test(event.mail()));
    }

    /** {@return a trigger for each BDAT chunk, after it was read} */
    static Trigger bdat() {
        return new TriggerSpec("BDAT chunk", false, event -> event.stage() == Stage.BDAT_CHUNK);
    }

    /** {@return a trigger for RSET} */
    static Trigger rset() {
        return command("RSET");
    }

    /** {@return a trigger for VRFY} */
    static Trigger vrfy() {
        return command("VRFY");
    }

    /** {@return a trigger for EXPN} */
    static Trigger expn() {
        return command("EXPN");
    }

    /** {@return a trigger for NOOP} */
    static Trigger noop() {
        return command("NOOP");
    }

    /** {@return a trigger for QUIT} */
    static Trigger quit() {
        return command("QUIT");
    }

    /** MAIL or RCPT whose bracketed address the predicate accepts. */
    private static Trigger addressCommand(String verb, String description, Predicate<String> address) {
        return new TriggerSpec(description, false, event -> event.stage() == Stage.COMMAND
                && event.verb().equals(verb) && event.address() != null && address.test(event.address()));
    }

    /**
     * A command by its verb, in any case, e.g. {@code command("HELP")}; BDAT fires per chunk.
     *
     * @param verb the command verb, such as {@code "HELP"}
     * @return the trigger
     */
    static Trigger command(String verb) {
        String upper = Objects.requireNonNull(verb, "verb").toUpperCase(Locale.ROOT);
        if (upper.equals("BDAT")) {
            return bdat();
        }
        return new TriggerSpec(upper, false, event -> event.stage() == Stage.COMMAND && event.verb().equals(upper));
    }

    /** {@return a trigger for every command, known or not (BDAT per chunk)} */
    static Trigger anyCommand() {
        return new TriggerSpec("any command", false,
                event -> event.stage() == Stage.COMMAND || event.stage() == Stage.BDAT_CHUNK);
    }
}
