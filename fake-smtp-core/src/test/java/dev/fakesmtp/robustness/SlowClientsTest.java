package dev.fakesmtp.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.TranscriptLine;
import dev.fakesmtp.support.Eventually;
import dev.fakesmtp.support.SmtpDialogue;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Clients that take their time or never finish: a trickle of bytes ends at the session time
 * limit, not the idle timeout; a line without end costs bounded memory and blocks no one; a
 * message far past the size limit is refused while the dialogue goes on.
 */
@Timeout(30)
class SlowClientsTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final long PACE_NANOS = Duration.ofMillis(100).toNanos();

    @Test
    void oneBytePerHundredMillisecondsOutlivesTheIdleTimeoutButNotTheSessionTimeLimit() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().idleTimeout(Duration.ofMillis(300))
                .maxSessionDuration(Duration.ofSeconds(1)).build().start();
             SmtpDialogue wire = SmtpDialogue.connect(server, SmtpDialogue.PATIENT_TIMEOUT)) {
            long connected = System.nanoTime();
            wire.expect("220 ");
            List<String> replies = new ArrayList<>();
            byte[] noop = "NOOP\r\n".getBytes(StandardCharsets.US_ASCII);
            // 60 bytes (6 s) at most; the server should end it after about 1 s.
            for (int i = 0; i < 60 && !lastIs421(replies); i++) {
                // Pacing the client's traffic is the point of this test, so parking here is not a
                // wait for the server: each byte goes out 100 ms after the one before.
                long due = connected + (i + 1) * PACE_NANOS;
                for (long left; (left = due - System.nanoTime()) > 0; ) {
                    LockSupport.parkNanos(left);
                }
                byte b = noop[i % noop.length];
                try {
                    wire.sendRaw(new byte[] {b});
                } catch (UncheckedIOException e) {
                    break; // the server has closed; its 421 is read below
                }
                if (b == '\n') {
                    replies.add(lastLine(wire.readReplyOrNull()));
                }
            }
            if (!lastIs421(replies)) {
                replies.add(lastLine(wire.readReplyOrNull()));
            }
            long elapsed = System.nanoTime() - connected;
            wire.expectClosed();
            assertThat(replies).as("a NOOP got through before the limit: the idle timeout never struck")
                    .startsWith("250 2.0.0 OK");
            assertThat(replies.subList(0, replies.size() - 1)).allMatch(reply -> reply.startsWith("250 "));
            assertThat(replies.get(replies.size() - 1)).startsWith("421 4.4.2").contains("Session time limit");
            assertThat(Duration.ofNanos(elapsed)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(awaitEnd(server, 0).end()).isEqualTo(SessionEnd.SESSION_TIME_LIMIT);
        }
    }

    @Test
    void megabyteLineWithoutEndCostsBoundedMemoryAndGets500WhenItsEndComes() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue slow = SmtpDialogue.connect(server, SmtpDialogue.PATIENT_TIMEOUT)) {
            slow.expect("220 ");
            slow.sendRaw("EHLO slow.test\r\n").expect("250 ");
            slow.sendRaw("NOOP ");
            byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 16; i++) {
                slow.sendRaw(chunk);
            }
            // While that line is open, another client gets its whole transaction through.
            try (SmtpDialogue other = SmtpDialogue.afterEhlo(server)) {
                other.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
                other.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
                other.send("DATA").expect("354 ");
                other.sendRaw("meanwhile\r\n.\r\n").expect("250 2.0.0");
                other.send("QUIT").expect("221 ");
            }
            assertThat(server.mailbox().awaitMessages(1, WAIT).get(0).rawText()).isEqualTo("meanwhile\r\n");
            slow.sendRaw("\r\n").expect("500 5.5.6");
            slow.sendRaw("NOOP\r\n").expect("250 2.0.0");
            int octets = "NOOP ".length() + 16 * chunk.length + 2;
            TranscriptLine line = server.sessions().get(0).transcript().stream()
                    .filter(entry -> entry.text().endsWith("(" + octets + " octets)")).findFirst().orElseThrow();
            // The server kept a bounded prefix of the line, not the megabyte.
            assertThat(line.text().length()).isLessThan(13_000);
        }
    }

    @Test
    void messageFarPastTheSizeLimitGets552AndThePipelinedNextTransactionIsCaptured() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().maxMessageSize(64 * 1024).build().start();
             SmtpDialogue wire = SmtpDialogue.connect(server, SmtpDialogue.PATIENT_TIMEOUT)) {
            wire.expect("220 ");
            wire.sendRaw("EHLO greedy.test\r\n").expect("250 ");
            wire.sendRaw("MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nDATA\r\n");
            wire.expect("250 2.1.0");
            wire.expect("250 2.1.5");
            wire.expect("354 ");
            byte[] line = ("y".repeat(998) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            Thread writer = new Thread(() -> {
                for (int i = 0; i < 8 * 1024; i++) { // 8 MiB, 128 times the limit
                    wire.sendRaw(line);
                }
                wire.sendRaw(".\r\nMAIL FROM:<a@example.com>\r\nRCPT TO:<c@example.com>\r\nDATA\r\n");
            }, "greedy-writer");
            writer.start();
            wire.expect("552 5.3.4");
            wire.expect("250 2.1.0");
            wire.expect("250 2.1.5");
            wire.expect("354 ");
            writer.join(WAIT.toMillis());
            wire.sendRaw("small\r\n.\r\n").expect("250 2.0.0");
            wire.sendRaw("QUIT\r\n").expect("221 ");
            assertThat(server.mailbox().awaitMessages(1, WAIT)).singleElement().satisfies(mail -> {
                assertThat(mail.rawText()).isEqualTo("small\r\n");
                assertThat(mail.envelope().recipients()).containsExactly("c@example.com");
            });
            assertThat(awaitEnd(server, 0).transcriptText()).contains("more octets of message content");
        }
    }

    private static boolean lastIs421(List<String> replies) {
        return !replies.isEmpty() && replies.get(replies.size() - 1).startsWith("421 ");
    }

    private static String lastLine(List<String> reply) {
        if (reply == null) {
            throw new AssertionError("The server closed without a reply");
        }
        return reply.get(reply.size() - 1);
    }

    private static SmtpSession awaitEnd(FakeSmtpServer server, int index) {
        Eventually.assertWithin(WAIT, () -> assertThat(server.sessions().get(index).end())
                .isNotEqualTo(SessionEnd.OPEN));
        return server.sessions().get(index);
    }
}
