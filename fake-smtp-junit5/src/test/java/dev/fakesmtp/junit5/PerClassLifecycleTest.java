package dev.fakesmtp.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.support.AngusMail;
import dev.fakesmtp.support.Fixture;
import dev.fakesmtp.support.Kit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** {@code @TestInstance(PER_CLASS)}: instance fields then live as long as the class's one instance. */
@Timeout(10)
class PerClassLifecycleTest {

    @Test
    void anInstanceFieldIsStartedOnceResetBeforeEachTestAndClosedAfterTheClass() {
        Kit.run(PerClassField.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(PerClassField.SEEN).hasSize(3).containsOnly(PerClassField.SEEN.get(0));
        assertThat(PerClassField.SEEN.get(0).isRunning()).isFalse();
    }

    @Test
    void aClassLevelAnnotationStillGivesEachTestItsOwnServer() {
        Kit.run(PerClassWithClassAnnotation.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(PerClassWithClassAnnotation.SEEN).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void aStaticServerIsInjectedIntoThePerClassConstructor() {
        Kit.run(ConstructorInjection.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Fixture
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassField {
        static final List<FakeSmtpServer> SEEN = new CopyOnWriteArrayList<>();

        @SmtpServer
        FakeSmtpServer smtp = FakeSmtpServer.builder().build();

        @BeforeAll
        void nonStaticBeforeAll(FakeSmtpServer server) {
            SEEN.add(server);
            AngusMail.send(server, "a@example.com", "b@example.com", "setup", "text");
        }

        @Test
        void one(Mailbox mailbox) {
            SEEN.add(smtp);
            assertThat(mailbox.messages()).isEmpty();
            AngusMail.send(smtp, "a@example.com", "b@example.com", "one", "text");
        }

        @Test
        void two(Mailbox mailbox) {
            SEEN.add(smtp);
            assertThat(mailbox.messages()).isEmpty();
            AngusMail.send(smtp, "a@example.com", "b@example.com", "two", "text");
        }
    }

    @Fixture
    @SmtpServer
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassWithClassAnnotation {
        static final List<FakeSmtpServer> SEEN = new CopyOnWriteArrayList<>();

        @Test
        void one(FakeSmtpServer smtp) {
            SEEN.add(smtp);
        }

        @Test
        void two(FakeSmtpServer smtp) {
            SEEN.add(smtp);
        }
    }

    @Fixture
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class ConstructorInjection {
        @SmtpServer
        static FakeSmtpServer smtp = FakeSmtpServer.builder().build();

        private final Mailbox mailbox;

        ConstructorInjection(Mailbox mailbox) {
            this.mailbox = mailbox;
        }

        @Test
        void test() {
            assertThat(mailbox).isSameAs(smtp.mailbox());
            assertThat(smtp.isRunning()).isTrue();
        }
    }
}
