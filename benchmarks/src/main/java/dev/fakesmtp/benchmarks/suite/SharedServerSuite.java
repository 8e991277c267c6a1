package dev.fakesmtp.benchmarks.suite;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fakesmtp.benchmarks.subject.ServerUnderTest;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * One server for the whole class, cleared after each test; each test sends one message. Past the
 * run's time bound the remaining tests are skipped.
 */
class SharedServerSuite {

    private static ServerUnderTest server;

    @BeforeAll
    static void startServer() {
        server = ServerUnderTest.start(SuiteMain.subject(), 0);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void withinTimeBound() {
        assumeTrue(SuiteMain.beforeDeadline(), "past the time bound of this run");
    }

    @AfterEach
    void clear() {
        server.clear();
    }

    @RepeatedTest(SuiteMain.TESTS)
    void sendsOneMessage() throws MessagingException {
        SuiteMain.sendOne(server, 1);
    }
}
