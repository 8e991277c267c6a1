package dev.fakesmtp.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Rule;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.Violation;
import dev.fakesmtp.support.Eventually;
import dev.fakesmtp.support.SmtpDialogue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 5321 §4.3.1: a client waits for the greeting. When a {@code connect()} rule delays the
 * greeting, a client that talks during the delay sent before the greeting as much as one that
 * talks at once: the server must see it every time its bytes were there before the greeting
 * was written, strict or not, whatever the load.
 */
class DelayedGreetingTest {

    private static final Duration GREETING_DELAY = Duration.ofMillis(200);
    private static final int CLIENTS = 6;

    /**
     * A client that waits until the server is inside the delay (it notes the delay before it
     * pauses) and then talks. A round counts when nothing had come back right after the write,
     * so the EHLO provably left before the greeting was written (on loopback a written greeting
     * is readable at once); every such round must be caught, and most rounds count.
     */
    @ParameterizedTest(name = "strict={0}")
    @ValueSource(booleans = {false, true})
    @Timeout(60)
    void aClientThatTalksDuringTheDelayIsCaughtEveryTime(boolean strict) throws IOException {
        int rounds = 10;
        FakeSmtpServer.Builder builder = FakeSmtpServer.builder();
        try (FakeSmtpServer server = (strict ? builder.strict() : builder).build().start()) {
            server.on(Trigger.connect()).delay(GREETING_DELAY);
            int counted = 0;
            for (int round = 0; round < rounds; round++) {
                boolean early;
                String first;
                try (SmtpDialogue smtp = SmtpDialogue.connect(server)) {
                    SmtpSession session = newestSession(server, round);
                    Eventually.assertWithin(Duration.ofSeconds(5),
                            () -> assertThat(session.transcriptText()).contains("(delayed "));
                    smtp.send("EHLO early.test");
                    early = smtp.socket().getInputStream().available() == 0;
                    first = smtp.readLine();
                    if (first.startsWith("554 ")) {
                        smtp.expectClosed();
                    } else {
                        smtp.expect("250 ");
                        smtp.send("QUIT").expect("221 ");
                    }
                }
                SmtpSession session = server.sessions().get(round);
                session.awaitEnd(Duration.ofSeconds(5));
                if (!early) {
                    continue; // the greeting was out before the EHLO: not an early talker for sure
                }
                counted++;
                assertThat(session.violations()).as("round %s", round).extracting(Violation::type)
                        .containsExactly(Violation.Type.COMMAND_BEFORE_GREETING);
                if (strict) {
                    assertThat(first).startsWith("554 5.5.0");
                    assertThat(session.end()).isEqualTo(SessionEnd.TOO_MANY_ERRORS);
                } else {
                    assertThat(first).startsWith("220 ");
                    assertThat(session.end()).isEqualTo(SessionEnd.QUIT);
                }
            }
            assertThat(counted).as("rounds where the EHLO provably left before the greeting").isGreaterThan(rounds / 2);
        }
    }

    /**
     * Clients that write EHLO the moment they are connected, {@value #CLIENTS} at a time, while
     * other threads keep the CPUs busy. A round counts when the client's bytes provably left
     * before the greeting came back (nothing to read right after its write); every such round
     * must be caught.
     */
    @Test
    @Timeout(120)
    void eagerClientsUnderLoadAreCaughtEveryTime() throws Exception {
        int rounds = 120;
        AtomicBoolean busy = new AtomicBoolean(true);
        List<Thread> load = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            Thread spinner = new Thread(() -> {
                while (busy.get()) {
                    Thread.onSpinWait();
                }
            });
            spinner.setDaemon(true);
            spinner.start();
            load.add(spinner);
        }
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Rule delay = server.on(Trigger.connect()).delay(GREETING_DELAY);
            List<Future<Integer>> early = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                early.add(clients.submit(() -> talkAtOnce(server)));
            }
            Set<Integer> earlyPorts = new HashSet<>();
            for (Future<Integer> each : early) {
                int port = each.get();
                if (port > 0) {
                    earlyPorts.add(port);
                }
            }
            busy.set(false);
            assertThat(delay.timesFired()).isEqualTo(rounds);
            assertThat(earlyPorts).as("rounds where the EHLO provably left before the greeting came back")
                    .hasSizeGreaterThan(rounds / 2);
            List<String> missed = new ArrayList<>();
            for (SmtpSession session : server.sessions()) {
                session.awaitEnd(Duration.ofSeconds(10));
                boolean caught = session.violations().stream()
                        .anyMatch(violation -> violation.type() == Violation.Type.COMMAND_BEFORE_GREETING);
                if (earlyPorts.contains(session.clientAddress().getPort()) && !caught) {
                    missed.add(session.id());
                }
            }
            assertThat(missed).as("early sessions not caught, of %s", earlyPorts.size()).isEmpty();
        } finally {
            busy.set(false);
            clients.shutdownNow();
            for (Thread spinner : load) {
                spinner.join();
            }
        }
    }

    /**
     * Writes EHLO at once; returns the client's port when nothing had arrived from the server
     * right after the write (on loopback a written greeting is readable at once), else -1.
     */
    private static int talkAtOnce(FakeSmtpServer server) {
        try (SmtpDialogue smtp = SmtpDialogue.connect(server)) {
            smtp.send("EHLO early.test");
            boolean beforeGreeting = smtp.socket().getInputStream().available() == 0;
            assertThat(smtp.readLine()).startsWith("220 ");
            smtp.expect("250 ");
            smtp.send("QUIT").expect("221 ");
            return beforeGreeting ? smtp.socket().getLocalPort() : -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SmtpSession newestSession(FakeSmtpServer server, int index) {
        Eventually.assertWithin(Duration.ofSeconds(5), () -> assertThat(server.sessions()).hasSizeGreaterThan(index));
        return server.sessions().get(index);
    }
}
