package dev.fakesmtp.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Rule;
import dev.fakesmtp.RuleBuilder;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * "Claims are atomic" (README, Failure injection), tested where claims race: 64 sessions,
 * already greeted and past MAIL, send RCPT at the same moment (released by a barrier), so 64
 * session threads claim the rule at once. Connect-time claims ({@link ConcurrentClaimTest})
 * cannot show this: the single accept thread serialises them. A check-then-set claim
 * ({@code n = matches.get() + 1; matches.set(n)}) lets two sessions take the same match number;
 * {@value #ROUNDS} rounds of 64 make that visible with high probability when it is there.
 */
@Timeout(120)
class ClaimRaceAtRcptTest {

    private static final int SESSIONS = 64;
    private static final int ROUNDS = 8;

    @Test
    void aOnceRuleRefusesExactlyOneOf64RacingRecipients() throws Exception {
        assertRace(rule -> rule.once(), 1);
    }

    @Test
    void aTimesFiveRuleRefusesExactlyFiveOf64RacingRecipients() throws Exception {
        assertRace(rule -> rule.times(5), 5);
    }

    @Test
    void anOnlyNthRuleRefusesExactlyOneOf64RacingRecipients() throws Exception {
        assertRace(rule -> rule.onlyNth(SESSIONS / 2), 1);
    }

    @Test
    void aFromNthRuleRefusesExactlyTheLastOf64RacingRecipients() throws Exception {
        assertRace(rule -> rule.fromNth(SESSIONS - 3), 4);
    }

    /**
     * Each round: a new rule with {@code count}, 64 racing RCPTs; exactly {@code refused} get the
     * rule's 451 and the others 250, and the rule counts 64 matches and {@code refused} firings.
     */
    private static void assertRace(Function<RuleBuilder, RuleBuilder> count, int refused) throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            ExecutorService clients = Executors.newFixedThreadPool(SESSIONS);
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    Rule rule = count.apply(server.on(Trigger.rcptTo())).reply(451, "4.7.1 Claimed");
                    List<String> codes = race(server, clients);
                    assertThat(codes).as("round %d: the replies to 64 racing RCPTs", round)
                            .filteredOn("451"::equals).hasSize(refused);
                    assertThat(codes).as("round %d", round).filteredOn("250"::equals).hasSize(SESSIONS - refused);
                    assertThat(rule.timesMatched()).as("round %d: matches counted", round).isEqualTo(SESSIONS);
                    assertThat(rule.timesFired()).as("round %d: firings counted", round).isEqualTo(refused);
                    rule.remove();
                }
            } finally {
                clients.shutdownNow();
                assertThat(clients.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    /** 64 sessions greeted and past MAIL; all send RCPT at once; the codes of their replies. */
    private static List<String> race(FakeSmtpServer server, ExecutorService clients) throws Exception {
        CyclicBarrier start = new CyclicBarrier(SESSIONS);
        List<Future<String>> replies = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            int session = i;
            replies.add(clients.submit(() -> {
                try (SmtpDialogue smtp = SmtpDialogue.connect(server, SmtpDialogue.PATIENT_TIMEOUT)) {
                    smtp.expect("220 ");
                    smtp.send("EHLO racer" + session + ".test").expect("250 ");
                    smtp.send("MAIL FROM:<racer" + session + "@example.com>").expect("250 ");
                    start.await(30, TimeUnit.SECONDS);
                    List<String> reply = smtp.send("RCPT TO:<bob@example.com>").readReply();
                    smtp.send("QUIT").expect("221 ");
                    return reply.get(0).substring(0, 3);
                }
            }));
        }
        List<String> codes = new ArrayList<>();
        for (Future<String> reply : replies) {
            codes.add(reply.get(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS));
        }
        return codes;
    }
}
