package dev.fakesmtp.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The mailbox's guarantees where deliveries race (README, "Mailbox"): 32 sessions, each with
 * its message sent up to the final dot, send their dots at the same moment (released by a
 * barrier), so 32 session threads add to the mailbox at once while the test's thread waits on
 * it, asks a predicate about each message, or registers and closes listeners. A wait that
 * misses a wake-up, a predicate asked twice or never, or a listener list that is not safe to
 * change while deliveries iterate it shows up here and not in a test that delivers one
 * message at a time.
 */
@Timeout(120)
class RacingDeliveriesTest {

    private static final int SESSIONS = 32;
    private static final int ROUNDS = 4;

    @Test
    void anAwaitStartedBeforeTheRaceReturnsWithEveryMessage() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            for (int round = 0; round < ROUNDS; round++) {
                server.mailbox().clear();
                try (Race race = Race.ready(server, round)) {
                    race.go();
                    List<ReceivedMail> all = server.mailbox().awaitMessages(SESSIONS, Duration.ofSeconds(30));
                    assertThat(all).as("round %d", round).hasSize(SESSIONS);
                    race.expectAll("250");
                }
            }
        }
    }

    @Test
    void awaitMessageAsksItsPredicateOnceAboutEachRacingMessage() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            for (int round = 0; round < ROUNDS; round++) {
                server.mailbox().clear();
                Set<String> asked = ConcurrentHashMap.newKeySet();
                AtomicInteger questions = new AtomicInteger();
                String last = "r" + round + ".c" + (SESSIONS - 1);
                try (Race race = Race.ready(server, round)) {
                    race.go();
                    ReceivedMail found = server.mailbox().awaitMessage(mail -> {
                        questions.incrementAndGet();
                        asked.add(mail.subject());
                        return asked.size() == SESSIONS; // only once every message was seen
                    }, Duration.ofSeconds(30));
                    race.expectAll("250");
                    assertThat(found).isNotNull();
                    assertThat(asked).as("round %d: each message asked about", round).hasSize(SESSIONS)
                            .contains(last);
                    assertThat(questions).as("round %d: one question per message", round).hasValue(SESSIONS);
                }
            }
        }
    }

    @Test
    void listenersComingAndGoingDuringTheRaceNeverCostAClientIts250() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            for (int round = 0; round < 2 * ROUNDS; round++) {
                server.mailbox().clear();
                AtomicInteger calls = new AtomicInteger();
                Mailbox.Subscription steady = server.mailbox().onMessage(mail -> calls.incrementAndGet());
                List<Mailbox.Subscription> others = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    others.add(server.mailbox().onMessage(mail -> { })); // long lists to walk
                }
                try (Race race = Race.ready(server, round)) {
                    race.go();
                    // Listeners added and removed while 32 threads iterate the listeners.
                    while (!race.finished()) {
                        server.mailbox().onMessage(mail -> { }).close();
                    }
                    race.expectAll("250");
                }
                steady.close();
                others.forEach(Mailbox.Subscription::close);
                assertThat(server.mailbox().messages()).as("round %d", round).hasSize(SESSIONS);
                assertThat(calls).as("round %d: the steady listener, once per message", round).hasValue(SESSIONS);
            }
        }
    }

    @Test
    void connectionsOpenAcrossResetDeliverAfterItAndNothingFromBeforeComesBack() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            try (Race before = Race.ready(server, 0)) {
                before.go();
                before.expectAll("250");
            }
            try (Race across = Race.ready(server, 1)) {
                server.reset(); // 32 sessions in the middle of DATA
                across.go();
                across.expectAll("250");
            }
            assertThat(server.mailbox().messages()).extracting(ReceivedMail::subject).hasSize(SESSIONS)
                    .allMatch(subject -> subject.startsWith("r1."));
        }
    }

    @Test
    void aResetRacingTheDeliveriesKeepsEachMessageOnceOrNotAtAll() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            for (int round = 0; round < ROUNDS; round++) {
                server.mailbox().clear();
                try (Race race = Race.ready(server, round)) {
                    race.go();
                    server.reset(); // while 32 threads add their messages
                    race.expectAll("250");
                }
                List<String> kept = server.mailbox().messages().stream().map(ReceivedMail::subject).toList();
                assertThat(kept).as("round %d", round).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(SESSIONS);
                server.mailbox().clear();
            }
            try (Race after = Race.ready(server, ROUNDS)) {
                after.go();
                after.expectAll("250");
            }
            assertThat(server.mailbox().awaitMessages(SESSIONS, Duration.ofSeconds(10))).hasSize(SESSIONS);
        }
    }

    /** {@value #SESSIONS} sessions, each with its message sent but for the final dot. */
    static final class Race implements AutoCloseable {
        private final ExecutorService clients = Executors.newFixedThreadPool(SESSIONS);
        private final CyclicBarrier start = new CyclicBarrier(SESSIONS + 1);
        private final List<Future<String>> replies = new ArrayList<>();

        static Race ready(FakeSmtpServer server, int round) {
            Race race = new Race();
            for (int i = 0; i < SESSIONS; i++) {
                String subject = "r" + round + ".c" + i;
                race.replies.add(race.clients.submit(() -> {
                    try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                        smtp.envelope("c@example.com", "bob@example.com");
                        smtp.send("DATA").expect("354 ");
                        smtp.sendRaw("Subject: " + subject + "\r\n\r\nRacing.\r\n");
                        race.start.await(30, TimeUnit.SECONDS);
                        String code = smtp.sendRaw(".\r\n").readReply().get(0).substring(0, 3);
                        smtp.send("QUIT").expect("221 ");
                        return code;
                    }
                }));
            }
            return race;
        }

        /** Releases every session's final dot at once. */
        void go() throws Exception {
            start.await(30, TimeUnit.SECONDS);
        }

        /** True once every session has its reply. */
        boolean finished() {
            return replies.stream().allMatch(Future::isDone);
        }

        /** Every session got {@code code} for its message. */
        void expectAll(String code) throws Exception {
            List<String> codes = new ArrayList<>();
            for (Future<String> reply : replies) {
                codes.add(reply.get(60, TimeUnit.SECONDS));
            }
            assertThat(codes).containsOnly(code);
        }

        @Override
        public void close() throws InterruptedException {
            clients.shutdownNow();
            assertThat(clients.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
