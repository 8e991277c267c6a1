package dev.fakesmtp.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A stall rule outlasts the idle timeout (the client waits for a reply that never comes) but not
 * the session time limit: then the session ends with 421 4.4.2 like any other, and costs nothing
 * while it waits.
 */
@Timeout(30)
class StallLimitTest {

    @Test
    void stalledSessionEndsWith421AtTheSessionTimeLimit() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().idleTimeout(Duration.ofSeconds(1))
                .maxSessionDuration(Duration.ofSeconds(2)).build().start()) {
            server.on(Trigger.connect()).stall(); // no greeting: the client has nothing to do but wait
            try (SmtpDialogue smtp = SmtpDialogue.connect(server)) {
                smtp.expect("421 4.4.2"); // past the 1 s idle timeout, at the 2 s limit; SmtpDialogue waits 5 s
                smtp.expectClosed();
            }
            assertThat(server.sessions().get(0).awaitEnd(Duration.ofSeconds(5))).isEqualTo(SessionEnd.SESSION_TIME_LIMIT);
        }
    }

    /**
     * Stalled sessions past their limit must not busy-wait: on JDK 21+ each one that did would pin
     * a carrier thread, and with as many of them as carriers no other virtual thread in the JVM
     * runs, so another server could not even greet.
     */
    @Test
    void stalledSessionsPastTheirLimitLeaveTheJvmToOtherServers() {
        int stalled = Math.max(2, Runtime.getRuntime().availableProcessors());
        Duration limit = Duration.ofMillis(500);
        List<SmtpDialogue> clients = new ArrayList<>();
        try (FakeSmtpServer server = FakeSmtpServer.builder().maxSessionDuration(limit).build().start();
             FakeSmtpServer unrelated = FakeSmtpServer.builder().build().start()) {
            server.on(Trigger.connect()).stall();
            long connected = System.nanoTime();
            for (int i = 0; i < stalled; i++) {
                clients.add(SmtpDialogue.connect(server));
            }
            // Let the limit pass: the server shows no sign of it while the bug is there.
            long due = connected + limit.multipliedBy(2).toNanos();
            for (long left; (left = due - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(left);
            }
            try (SmtpDialogue other = SmtpDialogue.connect(unrelated)) {
                other.expect("220 "); // within 5 s
            }
            for (SmtpDialogue client : clients) {
                client.expect("421 4.4.2");
            }
        } finally {
            clients.forEach(SmtpDialogue::close);
        }
    }
}
