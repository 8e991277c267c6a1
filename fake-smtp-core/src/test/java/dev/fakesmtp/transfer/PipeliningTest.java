package dev.fakesmtp.transfer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.support.SmtpDialogue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * PIPELINING (RFC 2920): a group of commands in one write gets its replies in order, in one
 * server write (asserted on content and order only: TCP may still split segments), and DATA
 * ends a group because the client must see the 354 first.
 */
@Timeout(30)
class PipeliningTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void wholeTransactionInTwoWrites() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            smtp.sendRaw("EHLO client.test\r\nMAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\n"
                    + "RCPT TO:<c@example.com>\r\nDATA\r\n");
            List<String> group = readUntilLineStartingWith(smtp, "354 ");
            assertThat(group.get(0)).startsWith("250-localhost Hello client.test");
            assertThat(group).contains("250-PIPELINING");
            int ehloEnd = indexOfFirst(group, "250 ");
            assertThat(group.subList(ehloEnd + 1, group.size())).containsExactly(
                    "250 2.1.0 Sender <a@example.com> OK",
                    "250 2.1.5 Recipient <b@example.com> OK",
                    "250 2.1.5 Recipient <c@example.com> OK",
                    "354 Start mail input; end with <CRLF>.<CRLF>");

            smtp.sendRaw("Subject: pipelined\r\n\r\nbody\r\n.\r\nQUIT\r\n");
            List<String> rest = readUntilClosed(smtp);
            assertThat(rest).hasSize(2);
            assertThat(rest.get(0)).startsWith("250 2.0.0 OK: queued as ");
            assertThat(rest.get(1)).startsWith("221 2.0.0");

            ReceivedMail mail = server.mailbox().awaitMessages(1, WAIT).get(0);
            assertThat(mail.envelope().recipients()).containsExactly("b@example.com", "c@example.com");
            assertThat(mail.rawText()).isEqualTo("Subject: pipelined\r\n\r\nbody\r\n");
            assertThat(server.mailbox().size()).isEqualTo(1);
        }
    }

    @Test
    void failedCommandInsideAGroupIsAnsweredInOrderAndTheRestGoesOn() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.sendRaw("MAIL FROM:<a@example.com>\r\nRCPT TO:<>\r\nRCPT TO:<c@example.com>\r\nNOOP\r\nDATA\r\n");
            List<String> group = readUntilLineStartingWith(smtp, "354 ");
            assertThat(group).hasSize(5);
            assertThat(group.get(0)).startsWith("250 2.1.0");
            assertThat(group.get(1)).startsWith("501 5.1.3");
            assertThat(group.get(2)).startsWith("250 2.1.5");
            assertThat(group.get(3)).isEqualTo("250 2.0.0 OK");
            assertThat(group.get(4)).startsWith("354 ");
            smtp.sendRaw("x\r\n.\r\n").expect("250 2.0.0");
            assertThat(server.mailbox().awaitMessages(1, WAIT).get(0).envelope().recipients())
                    .containsExactly("c@example.com");
        }
    }

    @Test
    void endOfDataAndTheNextTransactionInOneWrite() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.sendRaw("MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nDATA\r\n");
            assertThat(readUntilLineStartingWith(smtp, "354 ")).hasSize(3);
            smtp.sendRaw("one\r\n.\r\nMAIL FROM:<x@example.com>\r\nRCPT TO:<y@example.com>\r\nDATA\r\n");
            List<String> group = readUntilLineStartingWith(smtp, "354 ");
            assertThat(group).hasSize(4);
            assertThat(group.get(0)).startsWith("250 2.0.0 OK: queued as");
            assertThat(group.get(1)).startsWith("250 2.1.0 Sender <x@example.com>");
            assertThat(group.get(2)).startsWith("250 2.1.5 Recipient <y@example.com>");
            smtp.sendRaw("two\r\n.\r\nQUIT\r\n");
            assertThat(readUntilClosed(smtp)).hasSize(2);

            List<ReceivedMail> mails = server.mailbox().awaitMessages(2, WAIT);
            assertThat(mails).extracting(ReceivedMail::rawText).containsExactly("one\r\n", "two\r\n");
            assertThat(mails).extracting(mail -> mail.envelope().mailFrom()).containsExactly("a@example.com", "x@example.com");
        }
    }

    @Test
    void manyCommandsInOneWriteGetEveryReplyInOrder() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            StringBuilder group = new StringBuilder("MAIL FROM:<a@example.com>\r\n");
            for (int i = 0; i < 500; i++) {
                group.append("RCPT TO:<r").append(i).append("@example.com>\r\n");
            }
            smtp.sendRaw(group.append("DATA\r\n").toString());
            List<String> replies = readUntilLineStartingWith(smtp, "354 ");
            assertThat(replies).hasSize(502);
            for (int i = 0; i < 500; i++) {
                assertThat(replies.get(i + 1)).isEqualTo("250 2.1.5 Recipient <r" + i + "@example.com> OK");
            }
            smtp.sendRaw("x\r\n.\r\n").expect("250 2.0.0");
            assertThat(server.mailbox().awaitMessages(1, WAIT).get(0).envelope().recipients()).hasSize(500);
        }
    }

    /**
     * Reads raw bytes until a complete line with {@code prefix} arrived; returns all the lines.
     * Usually the first read returns the whole batch (the server writes it at once).
     */
    private static List<String> readUntilLineStartingWith(SmtpDialogue smtp, String prefix) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream in = smtp.socket().getInputStream();
            while (true) {
                int count = in.read(buffer);
                assertThat(count).as("connection closed; got %s", received.toString(UTF_8)).isPositive();
                received.write(buffer, 0, count);
                List<String> lines = lines(received.toString(UTF_8));
                if (!lines.isEmpty() && lines.get(lines.size() - 1).startsWith(prefix)) {
                    return lines;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readUntilClosed(SmtpDialogue smtp) {
        try {
            return lines(new String(smtp.socket().getInputStream().readAllBytes(), UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The complete CRLF-terminated lines received so far. */
    private static List<String> lines(String text) {
        int end = text.lastIndexOf("\r\n");
        return end < 0 ? List.of() : Arrays.asList(text.substring(0, end).split("\r\n", -1));
    }

    private static int indexOfFirst(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("No line starts with '" + prefix + "' in " + lines);
    }
}
