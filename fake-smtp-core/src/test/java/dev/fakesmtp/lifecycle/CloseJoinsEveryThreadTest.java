package dev.fakesmtp.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.support.Eventually;
import dev.fakesmtp.support.NonReadingClient;
import dev.fakesmtp.support.ServerThreads;
import dev.fakesmtp.support.SmtpDialogue;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * What the README promises of {@code close()}: it returns within its shutdown timeout whatever
 * the clients do, every thread of the server has ended when it returns (a thread dump shows
 * none), and clients that still listen are told {@code 421 4.3.2}.
 */
@Timeout(120)
@Isolated("400 thread dumps and twelve flooding clients load the whole JVM: on JDK 25 other tests' servers "
        + "then missed their 5 s greeting, so this class runs alone, one test at a time")
@Execution(ExecutionMode.SAME_THREAD)
class CloseJoinsEveryThreadTest {

    private static final int ROUNDS = 400;
    private static final int CONNECTIONS_PER_ROUND = 8;

    /**
     * close() while connections are being accepted: a session whose thread was started but had
     * not begun to run must be joined all the same. Shown by repetition: the window is narrow.
     */
    @Test
    void closeWhileClientsConnectLeavesNoThreadOfTheServerAlive() throws IOException {
        for (int round = 0; round < ROUNDS; round++) {
            FakeSmtpServer server = FakeSmtpServer.builder().build().start();
            int port = server.port();
            List<Socket> clients = new ArrayList<>();
            try {
                for (int i = 0; i < CONNECTIONS_PER_ROUND; i++) {
                    clients.add(new Socket(server.host(), port)); // in the kernel's backlog: the acceptor races close()
                }
                server.close();
                assertThat(ServerThreads.alive(port)).as("threads alive after close() in round %d", round).isEmpty();
            } finally {
                server.close();
                for (Socket client : clients) {
                    client.close();
                }
            }
        }
    }

    /**
     * Clients stuck in the server's writes (they never read) cost close() one shared budget, not
     * a wait each: every client that listens still gets its 421, and no thread outlives close().
     * Which session close() turns to first is up to a hash map, so ten listening clients among
     * twelve stuck ones show a close() that waits per stuck client with near certainty.
     */
    @Test
    void clientsThatNeverReadDoNotKeepTheOthersFromTheir421NorCloseFromJoiningEveryThread() {
        FakeSmtpServer server = FakeSmtpServer.builder().shutdownTimeout(Duration.ofSeconds(1)).build().start();
        int port = server.port();
        List<NonReadingClient> stuck = new ArrayList<>();
        List<SmtpDialogue> listening = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                stuck.add(NonReadingClient.connect(server.host(), port));
            }
            stuck.forEach(client -> client.awaitStuck(server));
            for (int i = 0; i < 10; i++) {
                listening.add(SmtpDialogue.afterEhlo(server));
            }
            server.close();
            for (SmtpDialogue client : listening) {
                client.expect("421 4.3.2");
                client.expectClosed();
            }
            assertThat(ServerThreads.alive(port)).as("threads alive after close()").isEmpty();
            assertThat(server.sessions()).extracting(SmtpSession::end).containsOnly(SessionEnd.SERVER_SHUTDOWN);
        } finally {
            server.close();
            stuck.forEach(NonReadingClient::close);
            listening.forEach(SmtpDialogue::close);
        }
    }

    /** A stalled session (a rule that never answers) ends with close(), its thread included. */
    @Test
    void closeEndsAStalledSessionAndItsThread() {
        FakeSmtpServer server = FakeSmtpServer.builder().shutdownTimeout(Duration.ofSeconds(2)).build().start();
        int port = server.port();
        server.on(Trigger.noop()).stall();
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("NOOP");
            Eventually.assertWithin(Duration.ofSeconds(5), () -> assertThat(server.sessions().get(0).transcriptText())
                    .contains("(stalled: no more replies)"));
            server.close();
            smtp.expect("421 4.3.2");
            assertThat(ServerThreads.alive(port)).as("threads alive after close()").isEmpty();
        } finally {
            server.close();
        }
    }
}
