package dev.fakesmtp.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.support.AngusMail;
import dev.fakesmtp.support.Fixture;
import dev.fakesmtp.support.Kit;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/** A static field: the user's configuration, started once, reset before each test, closed after the class. */
@Timeout(10)
class StaticFieldTest {

    @SmtpServer
    static FakeSmtpServer smtp = FakeSmtpServer.builder().hostname("mail.test").build();

    @Test
    void injectsTheConfiguredServer(FakeSmtpServer server, Mailbox mailbox) {
        assertThat(server).isSameAs(smtp);
        assertThat(mailbox).isSameAs(smtp.mailbox());
        try (SmtpDialogue client = SmtpDialogue.connect(server)) {
            client.expect("220 mail.test "); // started by the extension, as configured
        }
    }

    @Test
    void startsOnceResetsBeforeEachTestAndClosesAfterTheClass() {
        Kit.run(SharedServer.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(SharedServer.SEEN).hasSize(3).containsOnly(SharedServer.smtp);
        assertThat(SharedServer.PORTS).containsOnly(SharedServer.PORTS.get(0));
        assertThat(SharedServer.smtp.isRunning()).isFalse();
    }

    @Fixture
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SharedServer {
        @SmtpServer
        static FakeSmtpServer smtp = FakeSmtpServer.builder().hostname("mail.test").build();
        static final List<FakeSmtpServer> SEEN = new CopyOnWriteArrayList<>();
        static final List<Integer> PORTS = new CopyOnWriteArrayList<>();

        @BeforeAll
        static void sendBeforeAnyTest(FakeSmtpServer server) {
            SEEN.add(server);
            PORTS.add(server.port());
            AngusMail.send(server, "setup@example.com", "bob@example.com", "from @BeforeAll", "cleared before the first test");
        }

        @Test
        @Order(1)
        void firstTestSeesAnEmptyMailbox(Mailbox mailbox) {
            assertThat(mailbox.messages()).isEmpty();
            assertThat(smtp.sessions()).isEmpty();
            AngusMail.send(smtp, "a@example.com", "bob@example.com", "first", "1");
            assertThat(mailbox.awaitMessages(1, Duration.ofSeconds(5))).hasSize(1);
        }

        @Test
        @Order(2)
        void secondTestSeesAnEmptyMailboxToo(FakeSmtpServer server) {
            PORTS.add(server.port());
            assertThat(server.mailbox().messages()).isEmpty();
            assertThat(server.sessions()).isEmpty();
        }

        @AfterAll
        static void stillRunningInAfterAll(FakeSmtpServer server) {
            SEEN.add(server);
            SEEN.add(smtp);
            assertThat(server.isRunning()).isTrue();
        }
    }
}
