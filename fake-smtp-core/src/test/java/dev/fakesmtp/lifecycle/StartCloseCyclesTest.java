package dev.fakesmtp.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.support.Ports;
import dev.fakesmtp.support.SmtpDialogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * 1,000 start/close cycles leak neither threads nor ports. Other test classes may run servers
 * at the same time, so the threads checked are the ones these cycles' servers used, found by
 * identity (the acceptor by its port while the server runs, a session thread from inside a
 * mailbox listener, which runs on it), not every thread named "fake-smtp".
 */
@Timeout(180)
@Isolated("a port freed by close() must not be taken by another test's server before it is probed")
class StartCloseCyclesTest {

    private static final int CYCLES = 1_000;
    private static final boolean VIRTUAL_THREADS = Runtime.version().feature() >= 21;

    @Test
    void thousandCyclesLeaveNoThreadAliveAndNoPortBound() {
        List<Thread> used = new ArrayList<>();
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            FakeSmtpServer server = FakeSmtpServer.builder().build().start();
            int port = server.port();
            acceptorThread(port).ifPresent(used::add);
            SmtpDialogue client = null;
            if (cycle % 4 == 0) {
                client = SmtpDialogue.afterEhlo(server); // stays connected: close() must end its session
                used.add(sessionThreadOfOneMessage(server, client));
            }
            server.close();
            if (client != null) {
                client.expect("421 4.3.2");
                client.close();
            }
            assertThat(server.isRunning()).isFalse();
            Ports.assertNothingListensOn(port);
        }
        List<String> alive = used.stream().filter(Thread::isAlive).map(Thread::getName).toList();
        assertThat(alive).as("threads of closed servers still alive").isEmpty();
        assertThat(used).hasSize((VIRTUAL_THREADS ? 0 : CYCLES) + CYCLES / 4);
    }

    @Test
    void noFakeSmtpThreadOfAClosedServerSurvivesEvenWithOpenClients() {
        List<Thread> used = new ArrayList<>();
        List<SmtpDialogue> clients = new ArrayList<>();
        FakeSmtpServer server = FakeSmtpServer.builder().build().start();
        try {
            acceptorThread(server.port()).ifPresent(used::add);
            for (int i = 0; i < 20; i++) {
                SmtpDialogue smtp = SmtpDialogue.afterEhlo(server);
                clients.add(smtp);
            }
            used.add(sessionThreadOfOneMessage(server, clients.get(0)));
        } finally {
            server.close();
        }
        for (SmtpDialogue client : clients) {
            client.expect("421 4.3.2");
            client.expectClosed();
            client.close();
        }
        assertThat(server.sessions()).extracting(session -> session.end()).containsOnly(SessionEnd.SERVER_SHUTDOWN);
        assertThat(used).noneMatch(Thread::isAlive);
        // Threads named fake-smtp may belong to servers of other test classes, but none to ours.
        assertThat(fakeSmtpThreads()).doesNotContainAnyElementsOf(used);
    }

    /**
     * The acceptor thread while the server runs. On Java 21+ it is a virtual thread, which
     * {@code Thread.getAllStackTraces()} never lists: there the closed port (probed below) is
     * the acceptor's evidence, and only the session threads are checked by identity.
     */
    private static java.util.Optional<Thread> acceptorThread(int port) {
        if (VIRTUAL_THREADS) {
            return java.util.Optional.empty();
        }
        String name = "fake-smtp-acceptor-" + port;
        return java.util.Optional.of(Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No thread named " + name + " while the server runs")));
    }

    /** Sends one message and returns the thread that served it (listeners run on it). */
    private static Thread sessionThreadOfOneMessage(FakeSmtpServer server, SmtpDialogue smtp) {
        AtomicReference<Thread> sessionThread = new AtomicReference<>();
        Mailbox mailbox = server.mailbox();
        Mailbox.Subscription subscription = mailbox.onMessage(mail -> sessionThread.set(Thread.currentThread()));
        try {
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
            smtp.send("BDAT 2 LAST").sendRaw("hi").expect("250 2.0.0");
        } finally {
            subscription.close();
        }
        Thread thread = sessionThread.get();
        assertThat(thread).isNotNull();
        assertThat(thread.getName()).startsWith("fake-smtp");
        return thread;
    }

    private static Set<Thread> fakeSmtpThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("fake-smtp"))
                .collect(Collectors.toSet());
    }
}
