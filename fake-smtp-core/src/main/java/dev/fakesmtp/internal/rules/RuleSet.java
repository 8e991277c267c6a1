package dev.fakesmtp.internal.rules;

import dev.fakesmtp.Rule;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A server's failure rules, in the order they were added; safe to change while sessions run. */
public final class RuleSet {

    private final List<RuleImpl> rules = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    /**
     * Adds a rule at the end.
     *
     * @param name the rule's name for its description, or null
     * @param trigger when it fires
     * @param count how often
     * @param effect what it does
     * @return the rule
     */
    public RuleImpl add(String name, TriggerSpec trigger, Count count, Effect effect) {
        RuleImpl rule = new RuleImpl(ids.incrementAndGet(), name, trigger, count, effect, this);
        rules.add(rule);
        return rule;
    }

    /**
     * The first rule that fires for {@code event}; rules that match but may not fire are passed over.
     *
     * @param event what happened in the session
     * @return the rule, which counted this firing, or null
     */
    public RuleImpl firing(RuleEvent event) {
        return firing(event, rule -> true);
    }

    /**
     * Like {@link #firing(RuleEvent)} among the {@code eligible} rules only; the others are not
     * even matched, so their counts do not move.
     *
     * @param event what happened
     * @param eligible which rules may be claimed
     * @return the rule that fires, or null
     */
    public RuleImpl firing(RuleEvent event, Predicate<RuleImpl> eligible) {
        if (rules.isEmpty()) {
            return null; // the common case costs one volatile read
        }
        for (RuleImpl rule : rules) {
            if (eligible.test(rule) && rule.claim(event)) {
                return rule;
            }
        }
        return null;
    }

    void remove(RuleImpl rule) {
        rules.remove(rule);
        rule.markRemoved();
    }

    /**
     * The rules, oldest first.
     *
     * @return an immutable snapshot
     */
    public List<Rule> snapshot() {
        return List.copyOf(rules);
    }

    /** Removes every rule, ending the delays and stalls they impose. */
    public void clear() {
        List<RuleImpl> removed = List.copyOf(rules);
        rules.removeAll(removed);
        removed.forEach(RuleImpl::markRemoved);
    }
}
