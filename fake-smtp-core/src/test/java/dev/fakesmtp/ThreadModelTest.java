package dev.fakesmtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.support.SmtpDialogue;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * The thread that serves a connection, as a mailbox listener sees it (it runs on that thread):
 * CI runs the suite on JDK 17 and on the newest JDK, and each must use its own thread model by
 * default; {@link ThreadModel#PLATFORM}, from the builder or the system property, gives a
 * platform thread on every JDK, with the same dialogue.
 */
@Timeout(10)
@Isolated("two tests set -Dfakesmtp.threadModel, which every other test's build() reads without taking "
        + "the SYSTEM_PROPERTIES lock: run in parallel, BlockedOperationLimitsTest once failed with "
        + "'-Dfakesmtp.threadModel=green'")
class ThreadModelTest {

    private static final boolean JVM_HAS_VIRTUAL_THREADS = Runtime.version().feature() >= 21;

    @Test
    @ResourceLock(value = Resources.SYSTEM_PROPERTIES, mode = ResourceAccessMode.READ)
    void connectionsRunOnVirtualThreadsFromJava21AndPlatformThreadsBefore() throws Exception {
        Thread thread;
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            thread = connectionThread(server);
        }
        assertThat(thread.getName()).startsWith("fake-smtp-session-");
        if (JVM_HAS_VIRTUAL_THREADS) {
            assertThat(isVirtual(thread)).as("virtual thread on Java %s", Runtime.version()).isTrue();
        } else {
            assertThat(thread.isDaemon()).as("a daemon platform thread on Java 17").isTrue();
        }
    }

    @Test
    void platformModelServesEachConnectionOnADaemonPlatformThreadOfItsOwn() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().threadModel(ThreadModel.PLATFORM).build().start()) {
            Thread first = connectionThread(server);
            Thread second = connectionThread(server);
            assertThat(isVirtual(first)).isFalse();
            assertThat(first.isDaemon()).as("a daemon thread never keeps the JVM alive").isTrue();
            assertThat(first.getName()).startsWith("fake-smtp-session-");
            assertThat(second).isNotSameAs(first);
            assertThat(server.mailbox().messages()).hasSize(2);
        }
    }

    @Test
    @ResourceLock(value = Resources.SYSTEM_PROPERTIES, mode = ResourceAccessMode.READ_WRITE)
    void theSystemPropertyPicksTheModelOfServersBuiltWithoutOne() throws Exception {
        FakeSmtpServer withProperty;
        FakeSmtpServer explicit;
        System.setProperty(FakeSmtpServer.THREAD_MODEL_PROPERTY, "Platform");
        try {
            withProperty = FakeSmtpServer.builder().build();
            explicit = FakeSmtpServer.builder().threadModel(ThreadModel.VIRTUAL).build();
        } finally {
            System.clearProperty(FakeSmtpServer.THREAD_MODEL_PROPERTY);
        }
        try (FakeSmtpServer platform = withProperty.start(); FakeSmtpServer virtual = explicit.start()) {
            assertThat(isVirtual(connectionThread(platform))).isFalse();
            assertThat(isVirtual(connectionThread(virtual))).isEqualTo(JVM_HAS_VIRTUAL_THREADS);
        }
    }

    @Test
    @ResourceLock(value = Resources.SYSTEM_PROPERTIES, mode = ResourceAccessMode.READ_WRITE)
    void anUnknownPropertyValueFailsTheBuild() {
        System.setProperty(FakeSmtpServer.THREAD_MODEL_PROPERTY, "green");
        try {
            assertThatThrownBy(() -> FakeSmtpServer.builder().build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("-Dfakesmtp.threadModel=green: use virtual or platform");
        } finally {
            System.clearProperty(FakeSmtpServer.THREAD_MODEL_PROPERTY);
        }
    }

    /** Sends one message on a new connection; returns the thread that put it into the mailbox. */
    private static Thread connectionThread(FakeSmtpServer server) {
        AtomicReference<Thread> connectionThread = new AtomicReference<>();
        int before = server.mailbox().messages().size();
        try (Mailbox.Subscription subscription = server.mailbox().onMessage(mail -> connectionThread.set(Thread.currentThread()));
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
            smtp.send("RCPT TO:<b@example.com>").expect("250 ");
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw("Subject: thread\r\n\r\nbody\r\n.\r\n").expect("250 ");
            server.mailbox().awaitMessages(before + 1, Duration.ofSeconds(5));
        }
        assertThat(connectionThread.get()).as("the thread that delivered the message").isNotNull();
        return connectionThread.get();
    }

    /** {@code Thread.isVirtual()}, which this Java 17 code can only call reflectively. */
    private static boolean isVirtual(Thread thread) throws Exception {
        if (!JVM_HAS_VIRTUAL_THREADS) {
            return false;
        }
        Method isVirtual = Thread.class.getMethod("isVirtual");
        return (Boolean) isVirtual.invoke(thread);
    }
}
