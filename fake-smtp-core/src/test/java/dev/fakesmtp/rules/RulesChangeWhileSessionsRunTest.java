package dev.fakesmtp.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Rule;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.support.SmtpDialogue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * "Rules can be added and removed while the server runs" (README, Failure injection), tested
 * while it runs: 16 sessions send RCPT after RCPT while the test's thread adds and removes
 * rules as fast as it can, and {@code reset()} clears them. Every reply must be the normal 250
 * or the 451 of a rule in place, never an internal error (a rule list that is not safe to change
 * while sessions walk it), and once the last rule is gone every session gets 250 again. The
 * changes start only once every session has had a reply to its first RCPT: on a quiet machine
 * the 2,000 changes are over before a session has even connected.
 */
@Timeout(120)
class RulesChangeWhileSessionsRunTest {

    private static final int SESSIONS = 16;

    @Test
    void sessionsSeeEitherTheRuleOrTheNormalReplyWhileRulesComeAndGo() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().maxRecipients(1_000_000).build().start()) {
            ExecutorService clients = Executors.newFixedThreadPool(SESSIONS);
            AtomicBoolean changing = new AtomicBoolean(true);
            CountDownLatch sending = new CountDownLatch(SESSIONS);
            try {
                List<Future<List<String>>> sessions = new ArrayList<>();
                for (int i = 0; i < SESSIONS; i++) {
                    sessions.add(clients.submit(() -> recipientsUntil(server, changing, sending)));
                }
                assertThat(sending.await(60, TimeUnit.SECONDS)).as("every session sends RCPTs").isTrue();
                for (int i = 0; i < 2_000; i++) {
                    Rule rule = server.on(Trigger.rcptTo()).reply(451, "4.7.1 Changing");
                    server.on(Trigger.rcptTo("nobody@example.com")).reply(550, "5.1.1 Never matches");
                    rule.remove();
                    if (i % 100 == 99) {
                        server.reset();
                    }
                }
                server.reset();
                changing.set(false);
                for (Future<List<String>> session : sessions) {
                    List<String> codes = session.get(60, TimeUnit.SECONDS);
                    assertThat(codes).isNotEmpty().isSubsetOf("250", "451"); // a session may see only one of them
                }
            } finally {
                changing.set(false);
                clients.shutdownNow();
                assertThat(clients.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(server.rules()).isEmpty();
        }
    }

    /**
     * RCPT after RCPT until the rules stop changing (counting {@code sending} down after the first
     * reply), then one more that must get 250; the codes.
     */
    private static List<String> recipientsUntil(FakeSmtpServer server, AtomicBoolean changing,
                                                CountDownLatch sending) {
        List<String> codes = new ArrayList<>();
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server).buffered()) {
            smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
            do {
                codes.add(smtp.send("RCPT TO:<bob@example.com>").readReply().get(0).substring(0, 3));
                sending.countDown(); // after the first reply; later calls change nothing
            } while (changing.get());
            smtp.send("RCPT TO:<bob@example.com>").expect("250 ");
            smtp.send("QUIT").expect("221 ");
        }
        return codes;
    }
}
