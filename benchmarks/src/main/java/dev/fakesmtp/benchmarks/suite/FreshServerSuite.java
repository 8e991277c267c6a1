package dev.fakesmtp.benchmarks.suite;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fakesmtp.benchmarks.subject.ServerUnderTest;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * A fresh server for every test (started in {@code @BeforeEach}, stopped in {@code @AfterEach});
 * each test sends one message. Past the run's time bound the remaining tests are skipped.
 */
class FreshServerSuite {

    private ServerUnderTest server;

    @BeforeEach
    void startServer() {
        assumeTrue(SuiteMain.beforeDeadline(), "past the time bound of this run");
        server = ServerUnderTest.start(SuiteMain.subject(), 0);
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @RepeatedTest(SuiteMain.TESTS)
    void sendsOneMessage() throws MessagingException {
        SuiteMain.sendOne(server, 1);
    }
}
