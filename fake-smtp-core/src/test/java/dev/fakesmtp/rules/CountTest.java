package dev.fakesmtp.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Rule;
import dev.fakesmtp.RuleBuilder;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.support.SmtpDialogue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Counts: always, once, times(n), onlyNth(n), fromNth(n) and a seeded probability, checked on a
 * run of NOOPs whose replies show which matches fired; and the rule's fired and matched counters.
 */
@Timeout(20)
class CountTest {

    private static final String FIRED = "554 5.0.0 Rule fired";

    @Test
    void alwaysIsTheDefault() {
        assertThat(firings(6, count -> count)).containsExactly(true, true, true, true, true, true);
    }

    @Test
    void onceFiresOnTheFirstMatchOnly() {
        assertThat(firings(4, RuleBuilder::once)).containsExactly(true, false, false, false);
    }

    @Test
    void timesTwoFiresOnTheFirstTwoMatches() {
        assertThat(firings(4, count -> count.times(2))).containsExactly(true, true, false, false);
    }

    @Test
    void onlyNthFiresOnThatMatchAlone() {
        assertThat(firings(5, count -> count.onlyNth(3))).containsExactly(false, false, true, false, false);
    }

    @Test
    void fromNthFiresOnThatMatchAndEveryOneAfter() {
        assertThat(firings(5, count -> count.fromNth(2))).containsExactly(false, true, true, true, true);
    }

    @Test
    void probabilityOneAndZero() {
        assertThat(firings(8, count -> count.withProbability(1.0, 7))).containsOnly(true);
        assertThat(firings(8, count -> count.withProbability(0.0, 7))).containsOnly(false);
    }

    @Test
    void aSeededProbabilityGivesTheSameSequenceOnEveryRun() {
        List<Boolean> first = firings(40, count -> count.withProbability(0.5, 42));
        List<Boolean> again = firings(40, count -> count.withProbability(0.5, 42));
        List<Boolean> otherSeed = firings(40, count -> count.withProbability(0.5, 43));

        assertThat(again).isEqualTo(first);
        assertThat(first).contains(true, false); // a coin, not a constant
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void aSeedGivesTheSameSequenceInEveryVersion() {
        // A user pins a seed to replay a failure pattern from an earlier run, maybe of an earlier
        // release: the pattern of seed 42 is part of the contract, not only its repeatability.
        assertThat(firings(12, count -> count.withProbability(0.5, 42)))
                .containsExactly(true, true, false, true, true, false, true, true, true, true, false, false);
    }

    @Test
    void aMatchFiresOnlyWhenItsDrawIsBelowTheProbability() {
        // The first match of seed 42 draws exactly this number: a probability equal to it does not
        // fire, the next double up does, so a match fires with probability p, not a hair more.
        double firstDrawOfSeed42 = 0.23636053487376962;
        assertThat(firings(1, count -> count.withProbability(firstDrawOfSeed42, 42))).containsExactly(false);
        assertThat(firings(1, count -> count.withProbability(Math.nextUp(firstDrawOfSeed42), 42))).containsExactly(true);
    }

    @Test
    void theSequenceBelongsToTheRuleNotToTheConnection() {
        // The n-th match of the rule decides, whichever connection it comes from.
        List<Boolean> oneConnection = firings(12, count -> count.withProbability(0.5, 99));
        List<Boolean> manyConnections = new ArrayList<>();
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            server.on(Trigger.noop()).withProbability(0.5, 99).reply(554, "5.0.0 Rule fired");
            for (int connection = 0; connection < 4; connection++) {
                try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                    for (int i = 0; i < 3; i++) {
                        manyConnections.add(noopFired(smtp));
                    }
                }
            }
        }
        assertThat(manyConnections).isEqualTo(oneConnection);
    }

    @Test
    void timesFiredAndTimesMatchedCountSeparately() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Rule rule = server.on(Trigger.rcptTo("bob@example.com")).times(2).reply(450, "4.2.1 Busy");
            assertThat(rule.timesFired()).isZero();
            assertThat(rule.timesMatched()).isZero();
            smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
            smtp.send("RCPT TO:<carol@example.com>").expect("250 "); // no match at all
            smtp.send("RCPT TO:<bob@example.com>").expect("450 4.2.1 Busy");
            smtp.send("RCPT TO:<bob@example.com>").expect("450 4.2.1 Busy");
            smtp.send("RCPT TO:<bob@example.com>").expect("250 ");
            assertThat(rule.timesFired()).isEqualTo(2);
            assertThat(rule.timesMatched()).isEqualTo(3);
            assertThat(rule.toString()).contains("fired 2 of 3 matches");
        }
    }

    @Test
    void theCountAppearsInTheDescription() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            assertThat(server.on(Trigger.noop()).once().reply(250, "x").description()).contains(", once, ");
            assertThat(server.on(Trigger.noop()).times(3).reply(250, "x").description()).contains(", 3 times, ");
            assertThat(server.on(Trigger.noop()).onlyNth(2).reply(250, "x").description()).contains("only match #2");
            assertThat(server.on(Trigger.noop()).fromNth(4).reply(250, "x").description()).contains("from match #4");
            assertThat(server.on(Trigger.noop()).withProbability(0.25, 5).reply(250, "x").description())
                    .contains("with probability 0.25 (seed 5)");
            assertThat(server.on(Trigger.noop()).reply(250, "x").description()).contains(", always, ");
        }
    }

    /** Sends {@code noops} NOOPs on one connection to a fresh server with the counted rule; true where it fired. */
    private static List<Boolean> firings(int noops, UnaryOperator<RuleBuilder> count) {
        List<Boolean> fired = new ArrayList<>();
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Rule rule = count.apply(server.on(Trigger.noop())).reply(554, "5.0.0 Rule fired");
            for (int i = 0; i < noops; i++) {
                fired.add(noopFired(smtp));
            }
            assertThat(rule.timesMatched()).isEqualTo(noops);
            assertThat(rule.timesFired()).isEqualTo((int) fired.stream().filter(f -> f).count());
        }
        return fired;
    }

    private static boolean noopFired(SmtpDialogue smtp) {
        String reply = smtp.send("NOOP").readReply().get(0);
        assertThat(reply).isIn(FIRED, "250 2.0.0 OK");
        return reply.equals(FIRED);
    }
}
