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
 * already greeted and past MAIL, are released by a barrier and each sends {@value #RCPTS}
 * pipelined RCPTs at once, so 64 session threads claim the rule back to back on every core.
 * Connect-time claims ({@link ConcurrentClaimTest}) cannot show this: the single accept thread
 * serialises them. A check-then-set claim ({@code n = matches.get() + 1; matches.set(n)}) lets
 * two sessions take the same match number: a once() rule fires twice and matches go uncounted.
 * With 64 times {@value #RCPTS} claims per round that shows in nearly every run (it passed 20
 * of 20 runs of the connect-time test, and failed every run of this one).
 */
@Timeout(120)
class ClaimRaceAtRcptTest {

    private static final int SESSIONS = 64;
    private static final int RCPTS = 50;
    private static final int CLAIMS = SESSIONS * RCPTS;
    private static final int ROUNDS = 2;

    @Test
    void aOnceRuleRefusesExactlyOneOfTheRacingRecipients() throws Exception {
        assertRace(rule -> rule.once(), 1);
    }

    @Test
    void aTimesRuleRefusesExactlyThatManyOfTheRacingRecipients() throws Exception {
        assertRace(rule -> rule.times(1000), 1000);
    }

    @Test
    void anOnlyNthRuleRefusesExactlyOneOfTheRacingRecipients() throws Exception {
        assertRace(rule -> rule.onlyNth(CLAIMS / 2), 1);
    }

    @Test
    void aFromNthRuleRefusesExactlyTheLastOfTheRacingRecipients() throws Exception {
        assertRace(rule -> rule.fromNth(CLAIMS - 3), 4);
    }

    /**
     * Each round: a new rule with {@code count}, the racing RCPTs; exactly {@code refused} get the
     * rule's 451 and the others 250, and the rule counts every match and {@code refused} firings.
     */
    private static void assertRace(Function<RuleBuilder, RuleBuilder> count, int refused) throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().maxRecipients(1_000_000).build().start()) {
            ExecutorService clients = Executors.newFixedThreadPool(SESSIONS);
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    Rule rule = count.apply(server.on(Trigger.rcptTo())).reply(451, "4.7.1 Claimed");
                    List<String> codes = race(server, clients);
                    assertThat(codes).as("round %d: the replies to the racing RCPTs", round)
                            .filteredOn("451"::equals).hasSize(refused);
                    assertThat(codes).as("round %d", round).filteredOn("250"::equals).hasSize(CLAIMS - refused);
                    assertThat(rule.timesMatched()).as("round %d: matches counted", round).isEqualTo(CLAIMS);
                    assertThat(rule.timesFired()).as("round %d: firings counted", round).isEqualTo(refused);
                    rule.remove();
                }
            } finally {
                clients.shutdownNow();
                assertThat(clients.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    /** 64 sessions greeted and past MAIL; all send their RCPTs at once; the codes of the replies. */
    private static List<String> race(FakeSmtpServer server, ExecutorService clients) throws Exception {
        CyclicBarrier start = new CyclicBarrier(SESSIONS);
        String rcpts = "RCPT TO:<bob@example.com>\r\n".repeat(RCPTS);
        List<Future<List<String>>> replies = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            int session = i;
            replies.add(clients.submit(() -> {
                try (SmtpDialogue smtp = SmtpDialogue.connect(server, SmtpDialogue.PATIENT_TIMEOUT).buffered()) {
                    smtp.expect("220 ");
                    smtp.send("EHLO racer" + session + ".test").expect("250 ");
                    smtp.send("MAIL FROM:<racer" + session + "@example.com>").expect("250 ");
                    start.await(30, TimeUnit.SECONDS);
                    smtp.sendRaw(rcpts); // RFC 2920: RCPTs may be pipelined
                    List<String> codes = new ArrayList<>();
                    for (int reply = 0; reply < RCPTS; reply++) {
                        codes.add(smtp.readReply().get(0).substring(0, 3));
                    }
                    smtp.send("QUIT").expect("221 ");
                    return codes;
                }
            }));
        }
        List<String> codes = new ArrayList<>();
        for (Future<List<String>> reply : replies) {
            codes.addAll(reply.get(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS));
        }
        return codes;
    }
}
