package dev.fakesmtp.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.support.AngusMail;
import dev.fakesmtp.support.Fixture;
import dev.fakesmtp.support.Kit;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An instance field: the user's configuration, started before and closed after each test. */
@Timeout(10)
class InstanceFieldTest {

    @SmtpServer
    FakeSmtpServer smtp = FakeSmtpServer.builder().maxRecipients(2).build();

    @BeforeEach
    void setUp(FakeSmtpServer server) {
        assertThat(server).isSameAs(smtp);
        assertThat(server.isRunning()).isTrue();
    }

    @Test
    void theFieldIsStartedAndInjected(Mailbox mailbox) {
        AngusMail.send(smtp, "a@example.com", "b@example.com", "Hi", "text");
        assertThat(mailbox.awaitMessages(1, Duration.ofSeconds(5))).hasSize(1);
    }

    @Test
    void eachTestGetsItsOwnServerWhichIsClosedAfterIt() {
        Kit.run(FieldPerInvocation.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(FieldPerInvocation.SEEN).hasSize(2).doesNotHaveDuplicates().noneMatch(FakeSmtpServer::isRunning);
    }

    @Test
    void aServerTheUserStartedIsAdoptedAndClosedAfterTheTest() {
        Kit.run(StartedByTheUser.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));

        assertThat(StartedByTheUser.SEEN).singleElement().matches(server -> !server.isRunning());
    }

    @Test
    void worksWithoutAClassAnnotation() {
        Kit.run(OnlyTheField.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Fixture
    static class FieldPerInvocation {
        static final List<FakeSmtpServer> SEEN = new CopyOnWriteArrayList<>();

        @SmtpServer
        FakeSmtpServer smtp = FakeSmtpServer.builder().build();

        @Test
        void one() {
            SEEN.add(smtp);
            assertThat(smtp.isRunning()).isTrue();
        }

        @Test
        void two() {
            SEEN.add(smtp);
            assertThat(smtp.isRunning()).isTrue();
        }
    }

    @Fixture
    static class StartedByTheUser {
        static final List<FakeSmtpServer> SEEN = new CopyOnWriteArrayList<>();

        @SmtpServer
        FakeSmtpServer smtp = FakeSmtpServer.builder().build().start();

        @Test
        void usesIt(Mailbox mailbox) {
            SEEN.add(smtp);
            assertThat(mailbox).isSameAs(smtp.mailbox());
        }
    }

    @Fixture
    static class OnlyTheField {
        @SmtpServer
        private FakeSmtpServer smtp = FakeSmtpServer.builder().build();

        @Test
        void injectsIntoTheTestMethod(FakeSmtpServer server) {
            assertThat(server).isSameAs(smtp);
            assertThat(server.isRunning()).isTrue();
        }
    }
}
