package dev.fakesmtp;

import dev.fakesmtp.internal.rules.RuleEvent;
import dev.fakesmtp.internal.rules.Stage;
import dev.fakesmtp.internal.rules.TriggerSpec;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-line helpers for failures every mail client meets, each built on an ordinary rule (so it
 * shows up in {@link FakeSmtpServer#rules()} and in transcripts, and can be removed).
 *
 * <pre>{@code
 * smtp.scenarios().greylisting();
 * smtp.scenarios().unavailableFor(2);
 * }</pre>
 */
public final class FailureScenarios {

    private final FakeSmtpServer server;

    FailureScenarios(FakeSmtpServer server) {
        this.server = server;
    }

    /**
     * Greylisting: the first RCPT of each sender/recipient pair gets 451 4.7.1, a retry of the
     * same pair is accepted, as real greylisting servers do.
     *
     * @return the rule
     */
    public Rule greylisting() {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        Trigger firstAttempt = new TriggerSpec("first attempt of a sender/recipient pair", false,
                event -> isRcpt(event) && seen.add(pair(event)));
        return server.on(firstAttempt).reply(451, "4.7.1 Greylisted, please try again later");
    }

    /**
     * A full mailbox: RCPT to {@code address} gets 452 4.2.2 (temporary, the client may retry).
     *
     * @param address the recipient whose mailbox is full
     * @return the rule
     */
    public Rule mailboxFull(String address) {
        return server.on(Trigger.rcptTo(Objects.requireNonNull(address, "address")))
                .reply(452, "4.2.2 Mailbox full: " + address);
    }

    /**
     * A mailbox full for good: RCPT to {@code address} gets 552 5.2.2 (RFC 5321 §4.5.3.1.10).
     *
     * @param address the recipient whose mailbox is full
     * @return the rule
     */
    public Rule mailboxFullPermanently(String address) {
        return server.on(Trigger.rcptTo(Objects.requireNonNull(address, "address")))
                .reply(552, "5.2.2 Mailbox full: " + address);
    }

    /**
     * A server that is down: the next {@code connections} connections get 421 4.3.2 and are closed.
     *
     * @param connections how many new connections are refused
     * @return the rule
     */
    public Rule unavailableFor(int connections) {
        return server.on(Trigger.connect()).times(connections)
                .reply(421, "4.3.2 " + server.hostname() + " Service not available, try again later");
    }

    /**
     * A slow server: every reply after the greeting comes {@code delay} late, once: the reply to
     * each command, to each BDAT chunk, and the one after the message (DATA's final dot, BDAT
     * LAST), which is the reply a client's timeout most needs testing against. Within an AUTH
     * exchange only the first reply is late. The transcript notes each delay before its reply.
     *
     * @param delay how late each reply comes
     * @return the rule, to remove it or see how often it fired
     */
    public Rule slow(Duration delay) {
        Trigger everyReply = new TriggerSpec("every reply", false, FailureScenarios::awaitsAReply);
        return server.on(everyReply).delay(delay);
    }

    /** A command, a chunk other than BDAT LAST (whose reply is the end-of-data one), or the end of data. */
    private static boolean awaitsAReply(RuleEvent event) {
        return switch (event.stage()) {
            case COMMAND, END_OF_DATA -> true;
            case BDAT_CHUNK -> !event.argument().toUpperCase(Locale.ROOT).contains("LAST");
            default -> false;
        };
    }

    private static boolean isRcpt(RuleEvent event) {
        return event.stage() == Stage.COMMAND && event.verb().equals("RCPT") && event.address() != null;
    }

    private static String pair(RuleEvent event) {
        String sender = event.sender() == null ? "" : event.sender();
        return (sender + "\u0000" + event.address()).toLowerCase(Locale.ROOT);
    }
}
