package dev.fakesmtp.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Rule;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.TranscriptLine;
import dev.fakesmtp.TranscriptLine.Direction;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.support.SmtpDialogue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How rules live together and change while the server runs: first match in order of addition
 * wins, an exhausted rule passes the match on, remove() and reset() take effect on open
 * connections, and every reply a rule caused is marked with it in the transcript.
 */
@Timeout(20)
class RuleLifecycleTest {

    @Test
    void theFirstMatchingRuleInOrderOfAdditionWins() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Rule bob = server.on(Trigger.rcptTo("bob@example.com")).reply(550, "5.1.1 No such user");
            Rule anyone = server.on(Trigger.rcptTo()).reply(451, "4.3.0 Try later");
            Rule bobAgain = server.on(Trigger.rcptTo("bob@example.com")).reply(552, "5.2.2 Never seen");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
            smtp.send("RCPT TO:<bob@example.com>").expect("550 5.1.1 No such user");
            smtp.send("RCPT TO:<carol@example.com>").expect("451 4.3.0 Try later");

            assertThat(server.rules()).containsExactly(bob, anyone, bobAgain);
            assertThat(bob.timesFired()).isEqualTo(1);
            assertThat(anyone.timesFired()).isEqualTo(1);
            // A rule after the winner is not even asked.
            assertThat(anyone.timesMatched()).isEqualTo(1);
            assertThat(bobAgain.timesMatched()).isZero();
        }
    }

    @Test
    void anExhaustedRuleLetsTheNextRuleFire() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Rule first = server.on(Trigger.noop()).once().reply(250, "2.0.0 first");
            Rule second = server.on(Trigger.noop()).times(2).reply(250, "2.0.0 second");
            smtp.send("NOOP").expect("250 2.0.0 first");
            smtp.send("NOOP").expect("250 2.0.0 second");
            smtp.send("NOOP").expect("250 2.0.0 second");
            smtp.send("NOOP").expect("250 2.0.0 OK");
            assertThat(first.timesMatched()).isEqualTo(4);
            assertThat(first.timesFired()).isEqualTo(1);
            assertThat(second.timesMatched()).isEqualTo(3);
            assertThat(second.timesFired()).isEqualTo(2);
        }
    }

    @Test
    void onlyNthPassesEarlierMatchesToLaterRules() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.on(Trigger.noop()).onlyNth(2).reply(250, "2.0.0 second only");
            server.on(Trigger.noop()).reply(250, "2.0.0 fallback");
            smtp.send("NOOP").expect("250 2.0.0 fallback");
            smtp.send("NOOP").expect("250 2.0.0 second only");
            smtp.send("NOOP").expect("250 2.0.0 fallback");
        }
    }

    @Test
    void rulesAddedAndRemovedWhileAConnectionIsOpenApplyAtItsNextCommand() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("NOOP").expect("250 2.0.0 OK");
            Rule rule = server.on(Trigger.noop()).reply(421, "4.3.0 Not now");
            Rule other = server.on(Trigger.vrfy()).reply(502, "5.5.1 No VRFY");
            smtp.send("VRFY bob").expect("502 5.5.1 No VRFY");
            rule.remove();
            rule.remove(); // idempotent
            assertThat(server.rules()).containsExactly(other);
            smtp.send("NOOP").expect("250 2.0.0 OK");
            assertThat(rule.timesMatched()).isZero();
        }
    }

    @Test
    void resetClearsRulesButOpenConnectionsGoOn() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.on(Trigger.noop()).reply(550, "5.0.0 Rule");
            server.on(Trigger.connect()).reply(421, "4.3.2 Down");
            smtp.send("NOOP").expect("550 5.0.0 Rule");
            server.reset();
            assertThat(server.rules()).isEmpty();
            smtp.send("NOOP").expect("250 2.0.0 OK");
            try (SmtpDialogue next = SmtpDialogue.connect(server)) {
                next.expect("220 ");
            }
        }
    }

    @Test
    void linesCausedByARuleCarryItsDescription() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Rule rule = server.on(Trigger.rcptTo("bob@example.com")).once().reply(550, "5.1.1 No such user");
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
                smtp.send("RCPT TO:<bob@example.com>").expect("550 ");
                smtp.send("RCPT TO:<bob@example.com>").expect("250 ");
            }
            assertThat(rule.description())
                    .isEqualTo("rule #1: on RCPT TO <bob@example.com>, once, reply 550 5.1.1 No such user");

            List<TranscriptLine> transcript = server.sessions().get(0).transcript();
            assertThat(transcript).filteredOn(line -> line.causedBy().isPresent()).singleElement()
                    .satisfies(line -> {
                        assertThat(line.direction()).isEqualTo(Direction.SERVER);
                        assertThat(line.text()).isEqualTo("550 5.1.1 No such user");
                        assertThat(line.causedBy()).contains(rule.description());
                        assertThat(line.toString()).endsWith("   <- " + rule.description());
                    });
            // The normal 250 to the second RCPT is not marked.
            assertThat(transcript).filteredOn(line -> line.text().startsWith("250 2.1.5"))
                    .allSatisfy(line -> assertThat(line.causedBy()).isEmpty());
        }
    }

    @Test
    void everyLineOfAMultiLineRuleReplyIsMarked() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Rule rule = server.on(Trigger.noop())
                    .reply(dev.fakesmtp.SmtpReply.of(250, "2.0.0", "one", "two"));
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send("NOOP").expect("250 2.0.0 two");
            }
            SmtpSession session = server.sessions().get(0);
            assertThat(RuleSteps.ruleLines(session)).extracting(TranscriptLine::text)
                    .containsExactly("250-2.0.0 one", "250 2.0.0 two");
            assertThat(RuleSteps.ruleLines(session)).allSatisfy(line -> assertThat(line.causedBy()).contains(rule.description()));
            assertThat(session.transcriptText()).contains("<- " + rule.description());
        }
    }

    @Test
    void rulesOfOneServerDoNotTouchAnother() {
        try (FakeSmtpServer ruled = FakeSmtpServer.builder().build().start();
             FakeSmtpServer plain = FakeSmtpServer.builder().build().start()) {
            ruled.on(Trigger.connect()).reply(421, "4.3.2 Down");
            try (SmtpDialogue smtp = SmtpDialogue.connect(plain)) {
                smtp.expect("220 ");
            }
            try (SmtpDialogue smtp = SmtpDialogue.connect(ruled)) {
                smtp.expect("421 4.3.2 Down");
            }
            assertThat(plain.rules()).isEmpty();
        }
    }
}
