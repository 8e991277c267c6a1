package dev.fakesmtp.mailbox;

import static dev.fakesmtp.mailbox.MailboxTest.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Mailbox#onMessage}: once per message, before the 250, removable, and fault-tolerant. */
@Timeout(30)
class MailboxListenerTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void listenerRunsOncePerMessageWithTheMessageAlreadyInTheMailbox() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            List<ReceivedMail> seen = new CopyOnWriteArrayList<>();
            List<Boolean> alreadyInMailbox = new CopyOnWriteArrayList<>();
            Mailbox.Subscription subscription = server.mailbox().onMessage(mail -> {
                alreadyInMailbox.add(server.mailbox().messages().contains(mail));
                seen.add(mail);
            });
            send(server, "one", "b@example.com");
            send(server, "two", "x@example.com", "y@example.com", "z@example.com");
            subscription.close();
            assertThat(seen).extracting(ReceivedMail::subject).containsExactly("one", "two");
            assertThat(seen).containsExactlyElementsOf(server.mailbox().messages());
            assertThat(alreadyInMailbox).containsExactly(true, true);
        }
    }

    @Test
    void clientGetsItsReplyOnlyAfterTheListenerReturned() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicBoolean inMailbox = new AtomicBoolean();
            server.mailbox().onMessage(mail -> {
                inMailbox.set(server.mailbox().messages().contains(mail));
                entered.countDown();
                awaitQuietly(release);
            });
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw("Subject: held\r\n\r\nx\r\n.\r\n");

            assertThat(entered.await(5, TimeUnit.SECONDS)).as("listener called").isTrue();
            assertThat(inMailbox).isTrue();
            assertThat(server.mailbox().awaitMessages(1, WAIT)).extracting(ReceivedMail::subject).containsExactly("held");
            assertThat(smtp.socket().getInputStream().available()).as("bytes of a 250 sent too early").isZero();
            release.countDown();
            smtp.expect("250 2.0.0");
        }
    }

    @Test
    void closedSubscriptionIsNotCalledAnyMore() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            AtomicInteger calls = new AtomicInteger();
            Mailbox.Subscription subscription = server.mailbox().onMessage(mail -> calls.incrementAndGet());
            send(server, "counted", "b@example.com");
            subscription.close();
            subscription.close(); // idempotent
            send(server, "not counted", "b@example.com");
            assertThat(server.mailbox().awaitMessages(2, WAIT)).hasSize(2);
            assertThat(calls).hasValue(1);
        }
    }

    @Test
    void listenerSeesOnlyMessagesAfterItWasAdded() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            send(server, "before", "b@example.com");
            List<String> seen = new CopyOnWriteArrayList<>();
            Mailbox.Subscription subscription = server.mailbox().onMessage(mail -> seen.add(mail.subject()));
            send(server, "after", "b@example.com");
            subscription.close();
            assertThat(seen).containsExactly("after");
        }
    }

    @Test
    void sameListenerTwiceIsCalledTwiceAndRemovedOneRegistrationAtATime() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            AtomicInteger calls = new AtomicInteger();
            Consumer<ReceivedMail> listener = mail -> calls.incrementAndGet();
            Mailbox.Subscription first = server.mailbox().onMessage(listener);
            Mailbox.Subscription second = server.mailbox().onMessage(listener);
            send(server, "twice", "b@example.com");
            assertThat(calls).hasValue(2);
            first.close();
            send(server, "once", "b@example.com");
            assertThat(calls).hasValue(3);
            second.close();
            send(server, "none", "b@example.com");
            assertThat(calls).hasValue(3);
        }
    }

    @Test
    void throwingListenerDoesNotBreakDeliveryOrOtherListeners() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            List<String> seenAfter = new CopyOnWriteArrayList<>();
            server.mailbox().onMessage(mail -> {
                throw new IllegalStateException("listener bug");
            });
            server.mailbox().onMessage(mail -> seenAfter.add(mail.subject()));
            send(server, "survives", "b@example.com"); // asserts the client got 250 and 221
            send(server, "again", "b@example.com");
            assertThat(server.mailbox().awaitMessages(2, WAIT)).extracting(ReceivedMail::subject)
                    .containsExactly("survives", "again");
            assertThat(seenAfter).containsExactly("survives", "again");
        }
    }

    /** A failed assertion inside a listener is an Error, not a RuntimeException: still "a listener that throws". */
    @Test
    void listenerFailingAnAssertionDoesNotBreakDelivery() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            server.mailbox().onMessage(mail -> {
                throw new AssertionError("an assertThat inside a listener failed");
            });
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
                smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
                smtp.send("DATA").expect("354 ");
                smtp.sendRaw("Subject: asserted\r\n\r\nx\r\n.\r\n").expect("250 2.0.0");
                smtp.send("QUIT").expect("221 ");
            }
            assertThat(server.mailbox().messages()).extracting(ReceivedMail::subject).containsExactly("asserted");
        }
    }

    /** A shared server (a static JUnit field, a cached Spring context) is reset between tests. */
    @Test
    void resetRemovesTheListenersSoTheNextTestsMailReachesNone() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            List<String> seen = new CopyOnWriteArrayList<>();
            Mailbox.Subscription subscription = server.mailbox().onMessage(mail -> seen.add(mail.subject()));
            send(server, "first test", "b@example.com");

            server.reset();
            send(server, "next test", "b@example.com");
            server.mailbox().clear(); // clear() is about mail: a listener added now stays
            server.mailbox().onMessage(mail -> seen.add("new listener: " + mail.subject()));
            server.mailbox().clear();
            send(server, "after clear", "b@example.com");

            assertThat(seen).containsExactly("first test", "new listener: after clear");
            subscription.close(); // after a reset it does nothing
            assertThat(server.mailbox().messages()).extracting(ReceivedMail::subject).containsExactly("after clear");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
