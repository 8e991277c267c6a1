package dev.fakesmtp.internal.rules;

import dev.fakesmtp.Rule;
import java.util.concurrent.atomic.AtomicLong;

/** A rule: trigger, count and effect, with atomic match and fire counters. */
public final class RuleImpl implements Rule {

    private final int id;
    private final TriggerSpec trigger;
    private final Count count;
    private final Effect effect;
    private final RuleSet owner;
    private final AtomicLong matches = new AtomicLong();
    private final AtomicLong fired = new AtomicLong();

    RuleImpl(int id, TriggerSpec trigger, Count count, Effect effect, RuleSet owner) {
        this.id = id;
        this.trigger = trigger;
        this.count = count;
        this.effect = effect;
        this.owner = owner;
    }

    /**
     * Claims this rule for one event: true when the trigger matches and the count lets this
     * match fire. Atomic: two connections can never both get a {@code once()} rule.
     */
    boolean claim(RuleEvent event) {
        if (!trigger.matches(event)) {
            return false;
        }
        if (count.fires(matches.incrementAndGet())) {
            fired.incrementAndGet();
            return true;
        }
        return false;
    }

    /** What the rule does. */
    public Effect effect() {
        return effect;
    }

    @Override
    public int timesFired() {
        return (int) Math.min(Integer.MAX_VALUE, fired.get());
    }

    @Override
    public int timesMatched() {
        return (int) Math.min(Integer.MAX_VALUE, matches.get());
    }

    @Override
    public void remove() {
        owner.remove(this);
    }

    @Override
    public String description() {
        return "rule #" + id + ": on " + trigger.description() + ", " + count.description() + ", "
                + effect.description();
    }

    @Override
    public String toString() {
        return description() + " (fired " + fired.get() + " of " + matches.get() + " matches)";
    }
}
