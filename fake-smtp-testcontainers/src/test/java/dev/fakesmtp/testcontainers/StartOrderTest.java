package dev.fakesmtp.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.junit5.SmtpServer;
import dev.fakesmtp.support.Fixture;
import dev.fakesmtp.support.Kit;
import dev.fakesmtp.testcontainers.support.MsmtpContainer;
import dev.fakesmtp.testcontainers.support.RequiresDocker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * {@code @SmtpServer} and {@code @Testcontainers} on one class, with static and instance fields:
 * each container sends a mail as it starts (so it starts only if its server is listening), and
 * records whether its server still runs when the container stops.
 */
@RequiresDocker
@Timeout(120)
class StartOrderTest {

    @Test
    void withSmtpServerBeforeTestcontainersTheServersStartFirstAndStopLast() {
        EngineExecutionResults results = Kit.run(ServerFirst.class);

        assertThat(Kit.failureDescriptions(results.allEvents())).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(ServerFirst.EVENTS).containsExactly(
                "first: shared container delivered at startup",
                "first: own container delivered at startup, own server received it",
                "own container stops, its server running: true",
                "second: shared container delivered at startup",
                "second: own container delivered at startup, own server received it",
                "own container stops, its server running: true",
                "shared container stops, its server running: true");
        assertThat(ServerFirst.shared.isRunning()).isFalse();
    }

    @Test
    void withOnlyTestcontainersOnTheClassTheServersStillStartFirstButStopBeforeTheContainers() {
        EngineExecutionResults results = Kit.run(ContainersFirst.class);

        assertThat(Kit.failureDescriptions(results.allEvents())).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(ContainersFirst.EVENTS).containsExactly(
                "shared and own containers delivered at startup",
                "own container stops, its server running: false",
                "shared container stops, its server running: false");
    }

    /** The documented order: {@code @SmtpServer} before {@code @Testcontainers} on the class. */
    @Fixture
    @SmtpServer
    @Testcontainers
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class ServerFirst {
        static final List<String> EVENTS = new CopyOnWriteArrayList<>();

        @SmtpServer
        static FakeSmtpServer shared = FakeSmtpServer.builder().build();

        @Container
        static MsmtpContainer sharedApp = FakeSmtpContainers.sendMailTo(shared,
                new MsmtpContainer().sendingAtStartup("shared@example.com", "shared container started")
                        .beforeStop(() -> EVENTS.add("shared container stops, its server running: " + shared.isRunning())));

        @SmtpServer
        FakeSmtpServer own = FakeSmtpServer.builder().build();

        @Container
        MsmtpContainer ownApp = FakeSmtpContainers.sendMailTo(own,
                new MsmtpContainer().sendingAtStartup("own@example.com", "own container started")
                        .beforeStop(() -> EVENTS.add("own container stops, its server running: " + own.isRunning())));

        @Test
        void first(@SmtpServer("own") Mailbox ownMailbox) {
            record("first", ownMailbox);
        }

        @Test
        void second(@SmtpServer("own") Mailbox ownMailbox) {
            record("second", ownMailbox);
        }

        private void record(String test, Mailbox ownMailbox) {
            // The shared server is reset before each test, so the shared container's startup mail
            // is gone by now; its container started only because msmtp delivered it.
            EVENTS.add(test + ": shared container " + (sharedApp.deliveredStartupMail() ? "delivered" : "failed")
                    + " at startup");
            String received = ownMailbox.awaitMessages(1, Duration.ofSeconds(10)).get(0).envelope().recipients()
                    .equals(List.of("own@example.com")) ? "received it" : "received something else";
            EVENTS.add(test + ": own container " + (ownApp.deliveredStartupMail() ? "delivered" : "failed")
                    + " at startup, own server " + received);
        }
    }

    /** Only {@code @Testcontainers} on the class: its extension runs before the servers' one. */
    @Fixture
    @Testcontainers
    static class ContainersFirst {
        static final List<String> EVENTS = new CopyOnWriteArrayList<>();

        @SmtpServer
        static FakeSmtpServer shared = FakeSmtpServer.builder().build();

        @Container
        static MsmtpContainer sharedApp = FakeSmtpContainers.sendMailTo(shared,
                new MsmtpContainer().sendingAtStartup("shared@example.com", "shared container started")
                        .beforeStop(() -> EVENTS.add("shared container stops, its server running: " + shared.isRunning())));

        @SmtpServer
        FakeSmtpServer own = FakeSmtpServer.builder().build();

        @Container
        MsmtpContainer ownApp = FakeSmtpContainers.sendMailTo(own,
                new MsmtpContainer().sendingAtStartup("own@example.com", "own container started")
                        .beforeStop(() -> EVENTS.add("own container stops, its server running: " + own.isRunning())));

        @Test
        void containersStarted() {
            EVENTS.add(sharedApp.deliveredStartupMail() && ownApp.deliveredStartupMail()
                    ? "shared and own containers delivered at startup" : "a container failed to deliver at startup");
        }
    }
}
