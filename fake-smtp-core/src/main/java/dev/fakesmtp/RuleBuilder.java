package dev.fakesmtp;

import dev.fakesmtp.internal.Checks;
import dev.fakesmtp.internal.rules.Count;
import dev.fakesmtp.internal.rules.Effect;
import dev.fakesmtp.internal.rules.RuleSet;
import dev.fakesmtp.internal.rules.TriggerSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Says how often and what a rule does, after {@link FakeSmtpServer#on(Trigger)} said when. The
 * count ({@link #once()}, {@link #times(int)}, ...) comes first and defaults to always; the
 * effect method adds the rule to the server and returns it.
 *
 * <pre>{@code
 * smtp.on(Trigger.endOfData()).once().reply(451, "4.3.0 Try again");
 * smtp.on(Trigger.data()).delayThenReply(Duration.ofSeconds(30), 250, "2.0.0 Too late");
 * }</pre>
 */
public final class RuleBuilder {

    private final RuleSet rules;
    private final TriggerSpec trigger;
    private Count count = Count.always();
    private String name;
    private boolean afterCapture;

    RuleBuilder(RuleSet rules, Trigger trigger) {
        this.rules = rules;
        this.trigger = (TriggerSpec) Objects.requireNonNull(trigger, "trigger");
    }

    /**
     * Fires on the first match only.
     *
     * @return this builder
     */
    public RuleBuilder once() {
        return times(1);
    }

    /**
     * Fires on the first {@code n} matches.
     *
     * @param n how many matches fire, at least 1
     * @return this builder
     */
    public RuleBuilder times(int n) {
        count = Count.times(Checks.range("times", n, 1, Integer.MAX_VALUE));
        return this;
    }

    /**
     * Fires on the {@code n}-th match only (1 is the first).
     *
     * @param n which match fires, at least 1
     * @return this builder
     */
    public RuleBuilder onlyNth(int n) {
        count = Count.onlyNth(Checks.range("onlyNth", n, 1, Integer.MAX_VALUE));
        return this;
    }

    /**
     * Fires on the {@code n}-th match and every one after it.
     *
     * @param n the first match that fires, at least 1
     * @return this builder
     */
    public RuleBuilder fromNth(int n) {
        count = Count.fromNth(Checks.range("fromNth", n, 1, Integer.MAX_VALUE));
        return this;
    }

    /**
     * Fires on each match with probability {@code p}; the same seed gives the same sequence every run.
     *
     * @param p the probability, 0 to 1
     * @param seed the seed of the sequence
     * @return this builder
     */
    public RuleBuilder withProbability(double p, long seed) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("A probability is between 0 and 1, not " + p);
        }
        count = Count.probability(p, seed);
        return this;
    }

    /**
     * Names the rule: the name shows in its {@link Rule#description()}, and so in every transcript
     * line the rule causes, e.g. {@code "rule #3 (greylisting): on RCPT, ..."}.
     *
     * @param name a short name, e.g. {@code "greylisting"}
     * @return this builder
     */
    public RuleBuilder named(String name) {
        if (Checks.notEmpty("name", name).isBlank()) {
            throw new IllegalArgumentException("A rule's name must not be blank");
        }
        this.name = name;
        return this;
    }

    /**
     * For an end-of-data trigger: captures the message into the mailbox first, then applies the
     * effect. The client sees the failure (a 451, a dropped connection, a reply that comes too
     * late) while the server has the message: the "did it arrive?" case, in which a client that
     * sends again delivers the message twice.
     *
     * <pre>{@code
     * smtp.on(Trigger.endOfData()).once().afterCapture().resetConnection();
     * }</pre>
     *
     * @return this builder
     * @throws IllegalStateException if the trigger is not an end-of-data trigger
     */
    public RuleBuilder afterCapture() {
        if (!trigger.isEndOfData()) {
            throw new IllegalStateException("afterCapture() needs an end-of-data trigger: Trigger.endOfData(..)");
        }
        this.afterCapture = true;
        return this;
    }

    /**
     * Answers with this reply instead of the normal one; a 421 also closes the connection.
     *
     * @param code the reply code, 200 to 599
     * @param text the text, optionally starting with an enhanced status code: {@code "5.1.1 No such user"}
     * @return the rule, added to the server
     */
    public Rule reply(int code, String text) {
        return reply(SmtpReply.of(code, text));
    }

    /**
     * Answers with this reply (multi-line allowed) instead of the normal one; a 421 also closes.
     *
     * @param reply the reply
     * @return the rule, added to the server
     */
    public Rule reply(SmtpReply reply) {
        return add(new Effect(Effect.Kind.REPLY, Objects.requireNonNull(reply, "reply"), null));
    }

    /**
     * Answers with this reply, then closes the connection.
     *
     * @param code the reply code, 200 to 599
     * @param text the text, optionally starting with an enhanced status code
     * @return the rule, added to the server
     */
    public Rule replyAndClose(int code, String text) {
        return replyAndClose(SmtpReply.of(code, text));
    }

    /**
     * Answers with this reply (multi-line allowed), then closes the connection.
     *
     * @param reply the reply, e.g. {@code SmtpReply.of(554, "5.7.1", "Service unavailable")}
     * @return the rule, added to the server
     */
    public Rule replyAndClose(SmtpReply reply) {
        return add(new Effect(Effect.Kind.REPLY_AND_CLOSE, Objects.requireNonNull(reply, "reply"), null));
    }

    /**
     * Closes the connection without a reply (a FIN).
     *
     * @return the rule, added to the server
     */
    public Rule disconnect() {
        return add(new Effect(Effect.Kind.DISCONNECT, null, null));
    }

    /**
     * Resets the connection (an RST, as from a crashed server or a firewall).
     *
     * @return the rule, added to the server
     */
    public Rule resetConnection() {
        return add(new Effect(Effect.Kind.RESET, null, null));
    }

    /**
     * Waits, then handles the command normally (a slow server). Removing the rule (or resetting
     * the server) ends the wait at once, and a client that gives up meanwhile (closes the
     * connection) ends the session, so a long delay never outlives the test that wanted it.
     *
     * @param delay how long to wait, positive
     * @return the rule, added to the server
     */
    public Rule delay(Duration delay) {
        return add(new Effect(Effect.Kind.DELAY, null, Checks.positive("delay", delay)));
    }

    /**
     * Waits, then answers with this reply instead of the normal one; removing the rule ends the
     * wait at once, as for {@link #delay(Duration)}.
     *
     * @param delay how long to wait, positive
     * @param code the reply code, 200 to 599
     * @param text the text, optionally starting with an enhanced status code
     * @return the rule, added to the server
     */
    public Rule delayThenReply(Duration delay, int code, String text) {
        return add(new Effect(Effect.Kind.DELAY, SmtpReply.of(code, text), Checks.positive("delay", delay)));
    }

    /**
     * Answers nothing more, until the client gives up, the rule is removed (then the server
     * closes the connection) or the server closes.
     *
     * @return the rule, added to the server
     */
    public Rule stall() {
        return add(new Effect(Effect.Kind.STALL, null, null));
    }

    /**
     * Makes the TLS handshake fail: on {@link Trigger#startTls()} the server says 220 and then
     * sends bytes that are not TLS; on {@link Trigger#connect()} of an implicit-TLS port it does
     * so at once. Either way the connection then closes.
     *
     * @return the rule, added to the server
     */
    public Rule failTlsHandshake() {
        return add(new Effect(Effect.Kind.FAIL_TLS_HANDSHAKE, null, null));
    }

    /**
     * Answers 250 at the end of data but captures nothing: what the client cannot see.
     *
     * @return the rule, added to the server
     * @throws IllegalStateException if the trigger is not an end-of-data one, or after {@link #afterCapture()}
     */
    public Rule blackHole() {
        if (!trigger.isEndOfData()) {
            throw new IllegalStateException("blackHole() needs an end-of-data trigger: Trigger.endOfData(..)");
        }
        if (afterCapture) {
            throw new IllegalStateException("blackHole() captures nothing, so it cannot come afterCapture()");
        }
        return add(new Effect(Effect.Kind.BLACK_HOLE, null, null));
    }

    /**
     * Answers EHLO as usual but leaves these keywords out of the reply: a server that stops
     * offering an extension, or a middlebox that strips STARTTLS (a downgrade a client that
     * requires TLS must refuse). The server still accepts the commands if a client sends them.
     * On other commands (HELO included) the rule fires and changes nothing.
     *
     * <pre>{@code
     * smtp.on(Trigger.ehlo()).ehloWithout("STARTTLS");
     * }</pre>
     *
     * @param keywords EHLO keywords such as {@code "STARTTLS"}, {@code "PIPELINING"} or {@code "AUTH"}
     * @return the rule, added to the server
     */
    public Rule ehloWithout(String... keywords) {
        if (keywords.length == 0) {
            throw new IllegalArgumentException("Name at least one EHLO keyword, e.g. \"STARTTLS\"");
        }
        List<String> upper = new ArrayList<>();
        for (String keyword : keywords) {
            String checked = Checks.notEmpty("keyword", keyword);
            if (!checked.chars().allMatch(c -> c == '-' || Character.isLetterOrDigit(c) && c < 128)) {
                throw new IllegalArgumentException("An EHLO keyword is letters, digits and '-': '" + keyword + "'");
            }
            upper.add(checked.toUpperCase(Locale.ROOT));
        }
        return add(new Effect(Effect.Kind.EHLO_WITHOUT, null, null, upper, false));
    }

    private Rule add(Effect effect) {
        return rules.add(name, trigger, count, afterCapture ? effect.capturingFirst() : effect);
    }
}
