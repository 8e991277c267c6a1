package dev.fakesmtp.benchmarks.suite;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.junit5.SmtpServer;
import jakarta.mail.MessagingException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * A fresh server for every test from the {@code @SmtpServer} extension, as a user's suite gets
 * it; each test sends one message with {@code Transport.send} to {@code mailProperties()} and
 * awaits it. fake-smtp only; {@code -Dfakesmtp.threadModel} picks its thread model.
 */
@SmtpServer
class ExtensionServerSuite {

    @BeforeEach
    void withinTimeBound() {
        assumeTrue(SuiteMain.beforeDeadline(), "past the time bound of this run");
    }

    @RepeatedTest(SuiteMain.TESTS)
    void sendsOneMessage(FakeSmtpServer smtp) throws MessagingException {
        AngusSend.send(smtp.mailProperties());
        smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5));
    }
}
