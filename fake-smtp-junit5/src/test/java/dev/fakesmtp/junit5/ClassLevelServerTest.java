package dev.fakesmtp.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.support.AngusMail;
import dev.fakesmtp.support.Fixture;
import dev.fakesmtp.support.Kit;
import dev.fakesmtp.support.SmtpDialogue;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.Events;

/** {@code @SmtpServer} on a class: a fresh default server per test, injected everywhere. */
@SmtpServer
@Timeout(10)
class ClassLevelServerTest {

    private final FakeSmtpServer fromConstructor;
    private FakeSmtpServer fromBeforeEach;

    ClassLevelServerTest(FakeSmtpServer smtp) {
        this.fromConstructor = smtp;
    }

    @BeforeEach
    void setUp(FakeSmtpServer smtp, Mailbox mailbox) {
        fromBeforeEach = smtp;
        assertThat(smtp.isRunning()).isTrue();
        assertThat(mailbox).isSameAs(smtp.mailbox());
    }

    @Test
    void injectsOneRunningServerIntoConstructorCallbacksAndTest(FakeSmtpServer smtp, Mailbox mailbox) {
        assertThat(smtp).isSameAs(fromConstructor).isSameAs(fromBeforeEach);
        AngusMail.send(smtp, "shop@example.com", "bob@example.com", "Hello", "Hi Bob");
        assertThat(mailbox.awaitMessages(1, Duration.ofSeconds(5))).singleElement()
                .satisfies(mail -> assertThat(mail.subject()).isEqualTo("Hello"));
    }

    @Test
    void startsOnLoopbackWithADefaultConfiguration(FakeSmtpServer smtp) {
        assertThat(smtp.host()).isEqualTo("127.0.0.1");
        assertThat(smtp.port()).isPositive();
        assertThat(smtp.hostname()).isEqualTo("localhost");
        assertThat(smtp.mailbox().messages()).isEmpty();
    }

    @AfterEach
    void tearDown(FakeSmtpServer smtp) {
        assertThat(smtp).isSameAs(fromBeforeEach);
        assertThat(smtp.isRunning()).as("still running in @AfterEach").isTrue();
    }

    @Test
    void everyTestGetsItsOwnServerWhichIsClosedAfterIt() {
        Kit.run(TwoTests.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(TwoTests.SEEN).hasSize(2);
        assertThat(TwoTests.SEEN.get(0)).isNotSameAs(TwoTests.SEEN.get(1));
        assertThat(TwoTests.SEEN).noneMatch(FakeSmtpServer::isRunning);
    }

    @Test
    void worksThroughAComposedAnnotation() {
        Events tests = Kit.run(Composed.class).testEvents();

        tests.assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(Kit.failureMessages(tests)).singleElement().asString().contains("BARE_LF");
    }

    @Fixture
    @SmtpServer
    static class TwoTests {
        static final List<FakeSmtpServer> SEEN = new CopyOnWriteArrayList<>();

        @Test
        void one(FakeSmtpServer smtp) {
            SEEN.add(smtp);
            AngusMail.send(smtp, "a@example.com", "b@example.com", "one", "1");
        }

        @Test
        void two(FakeSmtpServer smtp, Mailbox mailbox) {
            SEEN.add(smtp);
            assertThat(mailbox.messages()).isEmpty();
        }
    }

    /** What a team would put in its test utilities. */
    @Retention(RetentionPolicy.RUNTIME)
    @SmtpServer(failOnViolations = true)
    @interface StrictMailTest {
    }

    @Fixture
    @StrictMailTest
    static class Composed {
        @Test
        void clientSendsABareLf(FakeSmtpServer smtp) {
            sendBareLf(smtp);
        }
    }

    /** A NOOP that ends in a bare LF (a violation), its reply, then a clean QUIT. */
    private static void sendBareLf(FakeSmtpServer server) {
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.sendRaw("NOOP\n").expect("250");
            smtp.send("QUIT").expect("221");
        }
    }
}
