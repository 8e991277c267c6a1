package dev.fakesmtp.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.AngusMail;
import dev.fakesmtp.support.ServerThreads;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * What a user's {@code Transport.send} with {@code mailProperties()} costs in threads. Angus
 * enforces {@code mail.smtp.writetimeout} with a scheduled executor, and without
 * {@code mail.smtp.executor.writetimeout} it creates one per connection: a new pool and a new
 * thread for every message a test sends. {@link Isolated}: the count of pools the JDK's default
 * thread factory has numbered is global to the JVM.
 */
@Isolated
@Timeout(60)
class MailPropertiesThreadsTest {

    private static final int SENDS = 20;

    @Test
    void sendsWithMailPropertiesDoNotStartAWriteTimeoutPoolPerConnection() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Properties properties = server.mailProperties();
            int before = nextDefaultPoolNumber();
            for (int i = 0; i < SENDS; i++) {
                AngusMail.send(properties, "message " + i);
            }
            int poolsCreated = nextDefaultPoolNumber() - before - 1;

            assertThat(server.mailbox().awaitMessages(SENDS, Duration.ofSeconds(10))).hasSize(SENDS);
            assertThat(poolsCreated).as("thread pools created during %d sends", SENDS).isLessThan(SENDS);
        }
    }

    @Test
    void theWriteTimeoutThreadEndsWithItsServer() throws Exception {
        FakeSmtpServer server = FakeSmtpServer.builder().build().start();
        int port = server.port();
        AngusMail.send(server.mailProperties(), "one");
        server.close();

        assertThat(ServerThreads.alive(port)).as("threads alive after close()").isEmpty();
    }

    /**
     * Angus schedules a timeout task around every write and cancels it after the write: the
     * server's executor must drop each cancelled task at once, or every write of every send would
     * keep one queued for the whole write timeout.
     */
    @Test
    void theWriteTimeoutExecutorKeepsNoTaskOfAFinishedWrite() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Properties properties = server.mailProperties();
            for (int i = 0; i < 3; i++) {
                AngusMail.send(properties, "message " + i);
            }
            assertThat(server.mailbox().awaitMessages(3, Duration.ofSeconds(10))).hasSize(3);
            ScheduledThreadPoolExecutor executor = (ScheduledThreadPoolExecutor) properties.get(
                    "mail.smtp.executor.writetimeout");
            assertThat(executor.getQueue()).as("timeout tasks still queued after the sends").isEmpty();
        }
    }

    /** The number in "pool-N-thread-1": each default thread factory takes the next one. */
    private static int nextDefaultPoolNumber() {
        String name = Executors.defaultThreadFactory().newThread(() -> { }).getName();
        return Integer.parseInt(name.substring("pool-".length(), name.indexOf("-thread-")));
    }
}
