package dev.fakesmtp.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.support.Fixture;
import dev.fakesmtp.support.Kit;
import dev.fakesmtp.support.AngusMail;
import dev.fakesmtp.support.SmtpDialogue;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A static server inherited from a base class lives as long as the run, but only the classes
 * that inherit it see it: a class that happens to run after (or beside) a subclass gets only
 * its own servers, however the run orders the classes.
 */
@Timeout(30)
@Execution(ExecutionMode.SAME_THREAD) // each run closes the fixtures' static server: one run at a time
class InheritedServerVisibilityTest {

    @BeforeEach
    void freshSharedServer() {
        SharedBase.shared = FakeSmtpServer.builder().build();
        UnrelatedWithField.own = FakeSmtpServer.builder().build();
        Unrelated.SEEN.clear();
    }

    @Test
    void anUnrelatedClassRunAfterASubclassSeesOnlyItsOwnServer() {
        EngineExecutionResults results = Kit.run(UsesSharedBase.class, Unrelated.class, UnrelatedWithField.class,
                UnrelatedChecksViolations.class);

        assertThat(Kit.failureMessages(results.allEvents())).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(5).succeeded(5));
    }

    @Test
    void anUnrelatedClassRunBesideSubclassesSeesOnlyItsOwnServerEvenInParallel() {
        EngineExecutionResults results = Kit.runInParallel(4, UsesSharedBase.class, AlsoUsesSharedBase.class,
                Unrelated.class, UnrelatedWithField.class);

        assertThat(Kit.failureMessages(results.allEvents())).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(5).succeeded(5));
    }

    @Test
    void anUnrelatedClassDoesNotResetTheInheritedServer() {
        EngineExecutionResults results = Kit.run(AlsoUsesSharedBase.class, Unrelated.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(Unrelated.SEEN).as("the server the unrelated test got").singleElement()
                .isNotSameAs(SharedBase.shared);
        assertThat(SharedBase.shared.mailbox().messages()).as("the subclass's mail, after the unrelated test")
                .singleElement().satisfies(mail -> assertThat(mail.subject()).isEqualTo("AlsoUsesSharedBase"));
    }

    @Test
    void aNestedClassOfASubclassStillSeesTheInheritedServer() {
        EngineExecutionResults results = Kit.run(SubclassWithNested.class, Unrelated.class);

        assertThat(Kit.failureMessages(results.allEvents())).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
    }

    abstract static class SharedBase {
        @SmtpServer
        static FakeSmtpServer shared = FakeSmtpServer.builder().build();

        @Test
        void getsTheSharedServer(FakeSmtpServer smtp, Mailbox mailbox) {
            assertThat(smtp).isSameAs(shared);
            AngusMail.send(smtp, "a@example.com", "b@example.com", getClass().getSimpleName(), "text");
            assertThat(mailbox.messages()).hasSize(1);
        }
    }

    @Fixture
    static class UsesSharedBase extends SharedBase {
        @Test
        void alsoGetsTheSharedServer(Mailbox mailbox) {
            assertThat(mailbox).isSameAs(shared.mailbox());
        }
    }

    @Fixture
    static class AlsoUsesSharedBase extends SharedBase {
    }

    @Fixture
    static class SubclassWithNested extends SharedBase {
        @Nested
        class Inner {
            @Test
            void seesTheInheritedServer(FakeSmtpServer smtp) {
                assertThat(smtp).isSameAs(shared);
            }
        }
    }

    /** A class with nothing in common with {@link SharedBase} but a per-test server of its own. */
    @Fixture
    @SmtpServer
    static class Unrelated {
        static final List<FakeSmtpServer> SEEN = new CopyOnWriteArrayList<>();

        @Test
        void getsItsOwnServer(FakeSmtpServer smtp, Mailbox mailbox) {
            SEEN.add(smtp);
            assertThat(smtp).isNotSameAs(SharedBase.shared);
            AngusMail.send(smtp, "a@example.com", "b@example.com", "unrelated", "text");
            assertThat(mailbox.messages()).hasSize(1);
        }
    }

    @Fixture
    static class UnrelatedWithField {
        @SmtpServer
        static FakeSmtpServer own = FakeSmtpServer.builder().build();

        @Test
        void getsItsOwnStaticServer(FakeSmtpServer smtp) {
            assertThat(smtp).isSameAs(own);
        }
    }

    /**
     * Checks every server it sees for violations, and breaks the protocol on the inherited server
     * (started by the subclass that ran before it): that server is not one of its own.
     */
    @Fixture
    @SmtpServer(failOnViolations = true)
    static class UnrelatedChecksViolations {
        @Test
        void checksOnlyItsOwnServer() {
            ViolationCheckTest.sendBareLf(SharedBase.shared);
        }
    }
}
