package dev.fakesmtp.benchmarks.suite;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.benchmarks.driver.SmtpClient;
import dev.fakesmtp.junit5.SmtpServer;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * A fresh server for every test from the {@code @SmtpServer} extension, as a user's suite gets
 * it; each test sends one message and awaits it. fake-smtp only.
 */
@SmtpServer
class ExtensionServerSuite {

    @BeforeEach
    void withinTimeBound() {
        assumeTrue(SuiteMain.beforeDeadline(), "past the time bound of this run");
    }

    @RepeatedTest(SuiteMain.TESTS)
    void sendsOneMessage(FakeSmtpServer smtp) throws IOException {
        try (SmtpClient client = SmtpClient.connect(smtp.port(), 10_000)) {
            client.greeting();
            client.ehlo();
            client.send(SuiteMain.MESSAGE, false);
            client.quit();
        }
        smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5));
    }
}
