package dev.fakesmtp;

import dev.fakesmtp.internal.Checks;
import dev.fakesmtp.internal.rules.Count;
import dev.fakesmtp.internal.rules.Effect;
import dev.fakesmtp.internal.rules.RuleSet;
import dev.fakesmtp.internal.rules.TriggerSpec;
import java.time.Duration;
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
     * @param n which match, from 1
     * @return this builder
     */
    public RuleBuilder times(int n) {
        count = Count.times(Checks.range("times", n, 1, Integer.MAX_VALUE));
        return this;
    }

    /**
     * Fires on the {@code n}-th match only (1 is the first).
     *
     * @param n which match, from 1
     * @return this builder
     */
    public RuleBuilder onlyNth(int n) {
        count = Count.onlyNth(Checks.range("onlyNth", n, 1, Integer.MAX_VALUE));
        return this;
    }

    /**
     * Fires on the {@code n}-th match and every one after it.
     *
     * @param n which match, from 1
     * @return this builder
     */
    public RuleBuilder fromNth(int n) {
        count = Count.fromNth(Checks.range("fromNth", n, 1, Integer.MAX_VALUE));
        return this;
    }

    /**
     * Fires on each match with probability {@code p}; the same seed gives the same sequence every run.
     *
     * @param p the chance of firing on each match, from 0 to 1
     * @param seed the seed that makes the sequence repeatable
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
     * Answers with this reply instead of the normal one; a 421 also closes the connection.
     *
     * @param code the reply code, 200 to 599
     * @param text the reply text
     * @return the rule, already active
     */
    public Rule reply(int code, String text) {
        return reply(SmtpReply.of(code, text));
    }

    /**
     * Answers with this reply (multi-line allowed) instead of the normal one; a 421 also closes.
     *
     * @param reply the reply to send
     * @return the rule, already active
     */
    public Rule reply(SmtpReply reply) {
        return add(new Effect(Effect.Kind.REPLY, Objects.requireNonNull(reply, "reply"), null));
    }

    /**
     * Answers with this reply, then closes the connection.
     *
     * @param code the reply code, 200 to 599
     * @param text the reply text
     * @return the rule, already active
     */
    public Rule replyAndClose(int code, String text) {
        return add(new Effect(Effect.Kind.REPLY_AND_CLOSE, SmtpReply.of(code, text), null));
    }

    /**

     * Closes the connection without a reply (a FIN).

     *

     * @return the rule, already active

     */
    public Rule disconnect() {
        return add(new Effect(Effect.Kind.DISCONNECT, null, null));
    }

    /**

     * Resets the connection (an RST, as from a crashed server or a firewall).

     *

     * @return the rule, already active

     */
    public Rule resetConnection() {
        return add(new Effect(Effect.Kind.RESET, null, null));
    }

    /**
     * Waits, then handles the command normally (a slow server).
     *
     * @param delay how long to wait first
     * @return the rule, already active
     */
    public Rule delay(Duration delay) {
        return add(new Effect(Effect.Kind.DELAY, null, Checks.positive("delay", delay)));
    }

    /**
     * Waits, then answers with this reply instead of the normal one.
     *
     * @param delay how long to wait first
     * @param code the reply code, 200 to 599
     * @param text the reply text
     * @return the rule, already active
     */
    public Rule delayThenReply(Duration delay, int code, String text) {
        return add(new Effect(Effect.Kind.DELAY, SmtpReply.of(code, text), Checks.positive("delay", delay)));
    }

    /**

     * Answers nothing more, until the client gives up or the server closes.

     *

     * @return the rule, already active

     */
    public Rule stall() {
        return add(new Effect(Effect.Kind.STALL, null, null));
    }

    /**
     * Makes the TLS handshake fail: on {@link Trigger#startTls()} the server says 220 and then
     * sends bytes that are not TLS; on {@link Trigger#connect()} of an implicit-TLS port it does
     * so at once. Either way the connection then closes.
     *
     * @return the rule, already active
     */
    public Rule failTlsHandshake() {
        return add(new Effect(Effect.Kind.FAIL_TLS_HANDSHAKE, null, null));
    }

    /**

     * Answers 250 at the end of data but captures nothing: what the client cannot see.

     *

     * @return the rule, already active

     */
    public Rule blackHole() {
        if (!trigger.isEndOfData()) {
            throw new IllegalStateException("blackHole() needs an end-of-data trigger: Trigger.endOfData(..)");
        }
        return add(new Effect(Effect.Kind.BLACK_HOLE, null, null));
    }

    private Rule add(Effect effect) {
        return rules.add(trigger, count, effect);
    }
}
