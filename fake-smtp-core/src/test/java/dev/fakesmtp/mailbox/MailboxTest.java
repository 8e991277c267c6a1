package dev.fakesmtp.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.MailboxTimeoutError;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The {@link dev.fakesmtp.Mailbox} API: awaits and their failures, queries, snapshots, clear and reset. */
@Timeout(30)
class MailboxTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void awaitMessagesReturnsOnceEnoughArrived() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
                for (String subject : List.of("one", "two", "three")) {
                    send(server, subject, "b@example.com");
                }
            });
            List<ReceivedMail> mails = server.mailbox().awaitMessages(3, WAIT);
            assertThat(mails).extracting(ReceivedMail::subject).containsExactly("one", "two", "three");
            sender.get(5, TimeUnit.SECONDS);
            assertThat(server.mailbox().awaitMessages(0, Duration.ZERO)).hasSize(3);
        }
    }

    @Test
    void awaitTimeoutIsAnAssertionErrorListingWhatArrivedAndTheLastTranscript() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            send(server, "Only one", "b@example.com");
            assertThatThrownBy(() -> server.mailbox().awaitMessages(2, Duration.ofMillis(200)))
                    .isInstanceOf(MailboxTimeoutError.class)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expected at least 2 messages")
                    .hasMessageContaining("1 arrived")
                    .hasMessageContaining("\"Only one\"")
                    .hasMessageContaining("from <a@example.com> to [b@example.com]")
                    .hasMessageContaining("Last session (s1")
                    .hasMessageContaining("S: 250 2.0.0 OK: queued as s1.1")
                    .hasMessageContaining("C: QUIT");
        }
    }

    /**
     * What helps when mail does not come is what arrived and how the dialogue went: the summary
     * comes first, then the last session's commands and replies with the message content
     * folded into one note (a multipart message would otherwise fill the tail with MIME).
     */
    @Test
    void awaitTimeoutShowsTheDialogueAroundTheFailureWithTheMessageContentFolded() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
            smtp.send("DATA").expect("354 ");
            StringBuilder multipart = new StringBuilder("Subject: Report\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n");
            for (int part = 1; part <= 10; part++) {
                multipart.append("--b\r\nContent-Type: text/plain\r\n\r\nmime line of part ").append(part).append("\r\n");
            }
            smtp.sendRaw(multipart.append("--b--\r\n.\r\n").toString()).expect("250 2.0.0");
            smtp.send("RCPT TO:<c@example.com>").expect("503 ");

            String message = catchThrowableOfType(MailboxTimeoutError.class,
                    () -> server.mailbox().awaitMessages(2, Duration.ofMillis(100))).getMessage();

            assertThat(message).startsWith("Expected at least 2 messages within PT0.1S, but 1 arrived:\n  1. from <a@example.com>")
                    .contains("subject \"Report\"")
                    .doesNotContain("mime line of part").doesNotContain("--b");
            assertThat(message.substring(message.indexOf("\n  1. "))).containsSubsequence(
                    "Last session (s1, OPEN)", "C: EHLO client.test", "C: MAIL FROM:<a@example.com>", "S: 250 2.1.0",
                    "C: RCPT TO:<b@example.com>", "C: DATA", "S: 354 ",
                    "-- (message content: 44 lines)", "C: .", "S: 250 2.0.0 OK: queued as s1.1",
                    "C: RCPT TO:<c@example.com>", "S: 503 ");
        }
    }

    @Test
    void awaitTimeoutFoldsTheContentOfABdatMessageToo() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
            String content = "Subject: chunked\r\n\r\nline one\r\nline two\r\n";
            smtp.send("BDAT " + content.length() + " LAST").sendRaw(content).expect("250 2.0.0");
            smtp.send("NOOP").expect("250 ");

            assertThatThrownBy(() -> server.mailbox().awaitMessages(2, Duration.ofMillis(50)))
                    .hasMessageNotContaining("line one")
                    .hasMessageContaining("    C: BDAT 40 LAST\n    C: ... (40 octets of BDAT chunk, LAST)\n"
                            + "    -- (message content: 4 lines)\n    S: 250 2.0.0 OK: 40 octets, queued as s1.1\n"
                            + "    C: NOOP\n");
        }
    }

    @Test
    void awaitTimeoutListsTheFirstMessagesThatArrivedAndCountsTheRest() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            for (int i = 1; i <= 30; i++) {
                smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
                smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
                smtp.send("DATA").expect("354 ");
                smtp.sendRaw("Subject: mail " + i + "\r\n\r\nx\r\n.\r\n").expect("250 2.0.0");
            }
            assertThatThrownBy(() -> server.mailbox().awaitMessages(31, Duration.ofMillis(50)))
                    .hasMessageContaining("but 30 arrived:\n  1. from <a@example.com>")
                    .hasMessageContaining("\"mail 25\"")
                    .hasMessageNotContaining("\"mail 26\"")
                    .hasMessageContaining("\n  ... and 5 more\nLast session (s1, OPEN)");
        }
    }

    @Test
    void awaitTimeoutWithNothingSaysSo() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            assertThatThrownBy(() -> server.mailbox().awaitMessages(1, Duration.ofMillis(100)))
                    .isInstanceOf(MailboxTimeoutError.class)
                    .hasMessageContaining("none arrived")
                    .hasMessageContaining("No client connected");
        }
    }

    @Test
    void awaitTimeoutCopesWithCapturedMailThatIsNotValidMime() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com> BODY=BINARYMIME").expect("250 2.1.0");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
            byte[] junk = new byte[256];
            for (int i = 0; i < junk.length; i++) {
                junk[i] = (byte) i;
            }
            smtp.send("BDAT 256 LAST").sendRaw(junk).expect("250 2.0.0");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw("Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\nno parts\r\n.\r\n").expect("250 2.0.0");
            assertThatThrownBy(() -> server.mailbox().awaitMessages(3, Duration.ofMillis(100)))
                    .isInstanceOf(MailboxTimeoutError.class)
                    .hasMessageContaining("2 arrived")
                    .hasMessageContaining("256 bytes");
        }
    }

    @Test
    void awaitMessageReturnsTheFirstMatch() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            send(server, "already here", "b@example.com");
            CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
                send(server, "noise", "c@example.com");
                send(server, "wanted", "d@example.com");
                send(server, "wanted", "e@example.com");
            });
            ReceivedMail wanted = server.mailbox().awaitMessage(mail -> "wanted".equals(mail.subject()), WAIT);
            assertThat(wanted.envelope().recipients()).containsExactly("d@example.com");
            assertThat(server.mailbox().awaitMessage(mail -> "already here".equals(mail.subject()), Duration.ZERO)
                    .envelope().recipients()).containsExactly("b@example.com");
            sender.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void awaitMessageAsksThePredicateOncePerMessage() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            send(server, "already here", "b@example.com");
            Map<String, Integer> asked = new ConcurrentHashMap<>();
            CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
                send(server, "noise", "c@example.com");
                send(server, "wanted", "d@example.com");
            });
            ReceivedMail wanted = server.mailbox().awaitMessage(mail -> {
                asked.merge(mail.subject(), 1, Integer::sum);
                return "wanted".equals(mail.subject());
            }, WAIT);
            sender.get(5, TimeUnit.SECONDS);

            assertThat(wanted.subject()).isEqualTo("wanted");
            assertThat(asked).containsOnly(entry("already here", 1), entry("noise", 1), entry("wanted", 1));
        }
    }

    /** A predicate that changes its mind (a counter, a clock) is taken at its first word. */
    @Test
    void awaitMessageReturnsWhatThePredicateAcceptedEvenIfItWouldNotAgain() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            send(server, "only once", "b@example.com");
            AtomicInteger calls = new AtomicInteger();
            ReceivedMail mail = server.mailbox().awaitMessage(any -> calls.incrementAndGet() == 1, WAIT);
            assertThat(mail.subject()).isEqualTo("only once");
        }
    }

    /**
     * The predicate runs outside the mailbox's lock: one that takes its time (here: it sends a
     * message and waits for the 250) holds up no session's delivery.
     */
    @Test
    void aSlowPredicateDoesNotHoldUpDelivery() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            send(server, "first", "b@example.com");
            AtomicInteger calls = new AtomicInteger();
            ReceivedMail second = server.mailbox().awaitMessage(mail -> {
                if (calls.incrementAndGet() == 1) {
                    send(server, "sent from the predicate", "b@example.com"); // fails if delivery is blocked
                }
                return "sent from the predicate".equals(mail.subject());
            }, WAIT);
            assertThat(second.subject()).isEqualTo("sent from the predicate");
        }
    }

    @Test
    void awaitMessageTimeoutListsWhatArrived() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            send(server, "not it", "b@example.com");
            assertThatThrownBy(() -> server.mailbox().awaitMessage(mail -> "it".equals(mail.subject()),
                    Duration.ofMillis(150)))
                    .isInstanceOf(MailboxTimeoutError.class)
                    .hasMessageContaining("Expected a message matching the condition")
                    .hasMessageContaining("\"not it\"");
        }
    }

    @Test
    void messagesToFindsTheEnvelopeRecipientIgnoringCase() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            send(server, "to bob", "Bob@Example.com");
            send(server, "to alice", "alice@example.com");
            send(server, "to both", "alice@example.com", "bob@example.com");
            assertThat(server.mailbox().messagesTo("bob@example.com")).extracting(ReceivedMail::subject)
                    .containsExactly("to bob", "to both");
            assertThat(server.mailbox().messagesTo("ALICE@EXAMPLE.COM")).extracting(ReceivedMail::subject)
                    .containsExactly("to alice", "to both");
            assertThat(server.mailbox().messagesTo("nobody@example.com")).isEmpty();
            assertThat(server.mailbox().messages(mail -> mail.subject().startsWith("to b"))).hasSize(2);
        }
    }

    @Test
    void messagesIsAnImmutableSnapshot() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            send(server, "first", "b@example.com");
            List<ReceivedMail> snapshot = server.mailbox().messages();
            List<ReceivedMail> toB = server.mailbox().messagesTo("b@example.com");
            assertThatThrownBy(() -> snapshot.add(snapshot.get(0))).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(snapshot::clear).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> toB.remove(0)).isInstanceOf(UnsupportedOperationException.class);
            List<ReceivedMail> awaited = server.mailbox().awaitMessages(1, WAIT);

            send(server, "second", "b@example.com");
            assertThat(server.mailbox().awaitMessages(2, WAIT)).hasSize(2);
            assertThat(snapshot).extracting(ReceivedMail::subject).containsExactly("first");
            assertThat(toB).hasSize(1);
            assertThat(awaited).hasSize(1);
            assertThatThrownBy(() -> awaited.add(awaited.get(0))).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void rawIsACopy() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            send(server, "copy", "b@example.com");
            ReceivedMail mail = server.mailbox().awaitMessages(1, WAIT).get(0);
            byte[] raw = mail.raw();
            raw[0] = 'X';
            assertThat(mail.rawText()).startsWith("Subject: copy");
        }
    }

    @Test
    void clearForgetsTheMessagesAndLaterOnesCountFromZero() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            send(server, "old", "b@example.com");
            server.mailbox().awaitMessages(1, WAIT);
            server.mailbox().clear();
            assertThat(server.mailbox().messages()).isEmpty();
            assertThat(server.mailbox().size()).isZero();
            assertThatThrownBy(() -> server.mailbox().awaitMessages(1, Duration.ofMillis(50)))
                    .isInstanceOf(MailboxTimeoutError.class);

            send(server, "new", "b@example.com");
            assertThat(server.mailbox().awaitMessages(1, WAIT)).extracting(ReceivedMail::subject).containsExactly("new");
            assertThat(server.sessions()).hasSize(2); // clear() is about mail only
        }
    }

    @Test
    void resetClearsMailboxAndSessionsWhileOpenConnectionsGoOn() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue open = SmtpDialogue.afterEhlo(server)) {
            send(server, "before reset", "b@example.com");
            server.mailbox().awaitMessages(1, WAIT);
            assertThat(server.sessions()).hasSize(2);

            server.reset();
            assertThat(server.mailbox().messages()).isEmpty();
            assertThat(server.sessions()).isEmpty();

            open.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
            open.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
            open.send("DATA").expect("354 ");
            open.sendRaw("Subject: after reset\r\n\r\nx\r\n.\r\n").expect("250 2.0.0");
            assertThat(server.mailbox().awaitMessages(1, WAIT)).extracting(ReceivedMail::subject)
                    .containsExactly("after reset");
            assertThat(server.isRunning()).isTrue();
        }
    }

    @Test
    void oneMessagePerTransactionWhateverTheNumberOfRecipients() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            send(server, "three", "x@example.com", "y@example.com", "z@example.com");
            List<ReceivedMail> mails = server.mailbox().awaitMessages(1, WAIT);
            assertThat(mails).singleElement().satisfies(mail -> assertThat(mail.envelope().recipients())
                    .containsExactly("x@example.com", "y@example.com", "z@example.com"));
            assertThat(server.mailbox().size()).isEqualTo(1);
            for (String rcpt : List.of("x@example.com", "y@example.com", "z@example.com")) {
                assertThat(server.mailbox().messagesTo(rcpt)).containsExactlyElementsOf(mails);
            }
        }
    }

    /** One transaction from a@example.com in its own session, ending with QUIT. */
    static void send(FakeSmtpServer server, String subject, String... recipients) {
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
            for (String recipient : recipients) {
                smtp.send("RCPT TO:<" + recipient + ">").expect("250 2.1.5");
            }
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw("Subject: " + subject + "\r\n\r\nbody\r\n.\r\n").expect("250 2.0.0");
            smtp.send("QUIT").expect("221 ");
        }
    }
}
