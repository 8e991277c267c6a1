package dev.fakesmtp.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.Fixture;
import dev.fakesmtp.support.Kit;
import dev.fakesmtp.support.AngusMail;
import dev.fakesmtp.support.SmtpDialogue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.Events;

/**
 * A client that hangs up without QUIT breaks the protocol, and the server learns it only when
 * its session thread reads the end of the stream, which may be just after the test returned.
 * {@code failOnViolations} must give the same verdict every time all the same: each fixture
 * repeats the hang-up {@value #ROUNDS} times, and every round must fail with NO_QUIT.
 */
@Timeout(120)
class HangUpWithoutQuitTest {

    static final int ROUNDS = 300;

    @Test
    void everyRoundWithASharedServerFailsWithNoQuit() {
        assertEveryRoundFails(Kit.run(SharedServer.class).testEvents());
    }

    @Test
    void everyRoundWithItsOwnServerFailsWithNoQuit() {
        assertEveryRoundFails(Kit.run(OwnServer.class).testEvents());
    }

    @Test
    void aConnectionTheClientKeepsOpenPastTheTestIsNoViolation() throws IOException {
        try {
            Kit.run(KeepsConnectionOpen.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        } finally {
            KeepsConnectionOpen.kept.close();
        }
    }

    private static void assertEveryRoundFails(Events tests) {
        assertThat(Kit.failureMessages(tests)).as("failures of %s rounds", ROUNDS).hasSize(ROUNDS)
                .allSatisfy(message -> assertThat(message)
                        .startsWith("The SMTP client broke the protocol in 1 session")
                        .contains("NO_QUIT: The client closed the connection without QUIT")
                        .contains("ended: CLIENT_DISCONNECTED"));
        tests.assertStatistics(stats -> stats.started(ROUNDS).failed(ROUNDS));
    }

    @Fixture
    static class SharedServer {
        @SmtpServer(failOnViolations = true)
        static FakeSmtpServer smtp = FakeSmtpServer.builder().build();

        @RepeatedTest(ROUNDS)
        void hangsUp() {
            SmtpDialogue.afterEhlo(smtp).close(); // no QUIT: a violation
        }
    }

    @Fixture
    static class KeepsConnectionOpen {
        static Socket kept;

        @SmtpServer(failOnViolations = true)
        static FakeSmtpServer smtp = FakeSmtpServer.builder().build();

        @Test
        void leavesItsConnectionOpen() throws IOException {
            kept = new Socket(smtp.host(), smtp.port());
            kept.setSoTimeout(5_000);
            assertThat(new BufferedReader(new InputStreamReader(kept.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine()).startsWith("220 ");
        }
    }

    @Fixture
    @SmtpServer(failOnViolations = true)
    static class OwnServer {
        @RepeatedTest(ROUNDS)
        void hangsUp(FakeSmtpServer smtp) {
            SmtpDialogue.afterEhlo(smtp).close(); // no QUIT: a violation
        }
    }
}
