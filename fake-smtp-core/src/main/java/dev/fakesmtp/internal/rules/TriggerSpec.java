package dev.fakesmtp.internal.rules;

import dev.fakesmtp.Trigger;
import java.util.function.Predicate;

/** The implementation behind every {@link Trigger}: a description, a stage and a test on the event. */
public final class TriggerSpec implements Trigger {

    private final String description;
    private final Predicate<RuleEvent> test;
    private final boolean endOfData;

    /** A trigger that fires on events passing {@code test}. */
    public TriggerSpec(String description, boolean endOfData, Predicate<RuleEvent> test) {
        this.description = description;
        this.endOfData = endOfData;
        this.test = test;
    }

    /** Whether this trigger fires for {@code event}; a predicate that throws counts as no match. */
    public boolean matches(RuleEvent event) {
        try {
            return test.test(event);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** True for end-of-data triggers, the only place a black hole makes sense. */
    public boolean isEndOfData() {
        return endOfData;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }
}
