package dev.fakesmtp.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What ends a stall: the action a stall registers runs once when its rule is removed, and at
 * once when the rule was removed before the stall began. The second case is a race between a
 * session that has just claimed the rule and a test that removes it: a socket cannot hit that
 * window on purpose (it is the few instructions between the claim and the registration), so
 * these tests call the rule directly.
 */
class RuleImplTest {

    private final RuleSet rules = new RuleSet();
    private final RuleImpl rule = rules.add(null, new TriggerSpec("DATA", false, event -> true), Count.always(),
            new Effect(Effect.Kind.STALL, null, null));
    private final AtomicInteger closed = new AtomicInteger();

    @Test
    void aStallThatBeginsAfterItsRuleWasRemovedEndsAtOnce() {
        rule.remove();

        rule.whileInPlace(closed::incrementAndGet);

        assertThat(closed).as("the connection was closed at once, not left stalled forever").hasValue(1);
        rule.remove();
        assertThat(closed).as("and only once").hasValue(1);
    }

    @Test
    void aStallInPlaceEndsWhenItsRuleIsRemovedOnce() {
        rule.whileInPlace(closed::incrementAndGet);
        assertThat(closed).hasValue(0);

        rule.remove();
        rules.clear();

        assertThat(closed).hasValue(1);
    }

    @Test
    void aStallThatEndedOnItsOwnIsNotEndedAgainByTheRemoval() {
        rule.whileInPlace(closed::incrementAndGet).close();

        rule.remove();

        assertThat(closed).hasValue(0);
    }
}
