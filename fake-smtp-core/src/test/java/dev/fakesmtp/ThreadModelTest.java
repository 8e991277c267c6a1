package dev.fakesmtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.support.SmtpDialogue;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** CI runs the suite on JDK 17 and on the newest JDK: each must use its own thread model. */
@Timeout(10)
class ThreadModelTest {

    @Test
    void connectionsRunOnVirtualThreadsFromJava21AndPlatformThreadsBefore() throws Exception {
        AtomicReference<Thread> connectionThread = new AtomicReference<>();
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             Mailbox.Subscription subscription = server.mailbox().onMessage(mail -> connectionThread.set(Thread.currentThread()));
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
            smtp.send("RCPT TO:<b@example.com>").expect("250 ");
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw("Subject: thread\r\n\r\nbody\r\n.\r\n").expect("250 ");
            server.mailbox().awaitMessages(1, Duration.ofSeconds(5));
        }

        Thread thread = connectionThread.get();
        assertThat(thread.getName()).startsWith("fake-smtp-session-");
        if (Runtime.version().feature() >= 21) {
            Method isVirtual = Thread.class.getMethod("isVirtual");
            assertThat((Boolean) isVirtual.invoke(thread)).as("virtual thread on Java %s", Runtime.version()).isTrue();
        } else {
            assertThat(thread.isDaemon()).as("a daemon platform thread on Java 17").isTrue();
        }
    }
}
