package dev.fakesmtp.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.support.AngusMail;
import dev.fakesmtp.support.Fixture;
import dev.fakesmtp.support.Kit;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Parallel execution with methods and classes concurrent: mailboxes never mix. */
@Timeout(30)
class ParallelExecutionTest {

    @Test
    void testsWithTheirOwnServersRunAtTheSameTimeAndSeeOnlyTheirOwnMail() {
        EngineExecutionResults results = Kit.runInParallel(4, OwnServers.class, MoreOwnServers.class);

        results.testEvents().assertStatistics(stats -> stats.started(8).succeeded(8));
    }

    @Test
    void testsSharingAStaticServerTakeTurnsSoAResetNeverClearsAnotherTestsMail() {
        EngineExecutionResults results = Kit.runInParallel(4, SharedServer.class);

        results.testEvents().assertStatistics(stats -> stats.started(6).succeeded(6));
        assertThat(SharedServer.MOST_AT_ONCE.get()).isEqualTo(1);
    }

    /** Each test meets another at a barrier, so they provably overlap, then checks its mailbox. */
    abstract static class OwnServerTests {
        // Each fixture class has its own barrier, and only that fixture's run touches it.
        private final CyclicBarrier pairs;

        OwnServerTests(CyclicBarrier pairs) {
            this.pairs = pairs;
        }

        void sendAndCheck(FakeSmtpServer smtp, Mailbox mailbox, TestInfo info) throws Exception {
            pairs.await(10, TimeUnit.SECONDS);
            String subject = getClass().getSimpleName() + "." + info.getDisplayName();
            AngusMail.send(smtp, "app@example.com", "bob@example.com", subject, "text");
            assertThat(mailbox.messages()).singleElement().extracting(ReceivedMail::subject).isEqualTo(subject);
        }
    }

    @Fixture
    @SmtpServer
    static class OwnServers extends OwnServerTests {
        private static final CyclicBarrier PAIRS = new CyclicBarrier(2);

        OwnServers() {
            super(PAIRS);
        }

        @Test
        void a(FakeSmtpServer smtp, Mailbox mailbox, TestInfo info) throws Exception {
            sendAndCheck(smtp, mailbox, info);
        }

        @Test
        void b(FakeSmtpServer smtp, Mailbox mailbox, TestInfo info) throws Exception {
            sendAndCheck(smtp, mailbox, info);
        }

        @Test
        void c(FakeSmtpServer smtp, Mailbox mailbox, TestInfo info) throws Exception {
            sendAndCheck(smtp, mailbox, info);
        }

        @Test
        void d(FakeSmtpServer smtp, Mailbox mailbox, TestInfo info) throws Exception {
            sendAndCheck(smtp, mailbox, info);
        }
    }

    @Fixture
    static class MoreOwnServers extends OwnServerTests {
        private static final CyclicBarrier PAIRS = new CyclicBarrier(2);

        @SmtpServer
        FakeSmtpServer smtp = FakeSmtpServer.builder().build();

        MoreOwnServers() {
            super(PAIRS);
        }

        @Test
        void a(Mailbox mailbox, TestInfo info) throws Exception {
            sendAndCheck(smtp, mailbox, info);
        }

        @Test
        void b(Mailbox mailbox, TestInfo info) throws Exception {
            sendAndCheck(smtp, mailbox, info);
        }

        @Test
        void c(Mailbox mailbox, TestInfo info) throws Exception {
            sendAndCheck(smtp, mailbox, info);
        }

        @Test
        void d(Mailbox mailbox, TestInfo info) throws Exception {
            sendAndCheck(smtp, mailbox, info);
        }
    }

    @Fixture
    static class SharedServer {
        static final AtomicInteger AT_ONCE = new AtomicInteger();
        static final AtomicInteger MOST_AT_ONCE = new AtomicInteger();

        @SmtpServer
        static FakeSmtpServer smtp = FakeSmtpServer.builder().build();

        void sendAndCheck(Mailbox mailbox, TestInfo info) {
            MOST_AT_ONCE.accumulateAndGet(AT_ONCE.incrementAndGet(), Math::max);
            try {
                assertThat(mailbox.messages()).isEmpty();
                AngusMail.send(smtp, "app@example.com", "bob@example.com", info.getDisplayName(), "text");
                assertThat(mailbox.messages()).singleElement().extracting(ReceivedMail::subject)
                        .isEqualTo(info.getDisplayName());
            } finally {
                AT_ONCE.decrementAndGet();
            }
        }

        @Test
        void a(Mailbox mailbox, TestInfo info) {
            sendAndCheck(mailbox, info);
        }

        @Test
        void b(Mailbox mailbox, TestInfo info) {
            sendAndCheck(mailbox, info);
        }

        @Test
        void c(Mailbox mailbox, TestInfo info) {
            sendAndCheck(mailbox, info);
        }

        @Test
        void d(Mailbox mailbox, TestInfo info) {
            sendAndCheck(mailbox, info);
        }

        @Test
        void e(Mailbox mailbox, TestInfo info) {
            sendAndCheck(mailbox, info);
        }

        @Test
        void f(Mailbox mailbox, TestInfo info) {
            sendAndCheck(mailbox, info);
        }
    }
}
