package dev.fakesmtp.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.support.Eventually;
import dev.fakesmtp.support.SmtpDialogue;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Clients that ask for too much: ten thousand recipients in one pipelined write, a flood of
 * connections past the limit, and random binary garbage instead of commands.
 */
@Timeout(30)
class GreedyClientsTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void tenThousandRecipientsInOneWriteAreAcceptedAndTheNextIsRefused() throws Exception {
        int limit = 10_000;
        try (FakeSmtpServer server = FakeSmtpServer.builder().maxRecipients(limit).build().start();
             SmtpDialogue wire = SmtpDialogue.connect(server, SmtpDialogue.PATIENT_TIMEOUT).buffered()) {
            wire.expect("220 ");
            wire.sendRaw("EHLO greedy.test\r\n").expect("250 ");
            StringBuilder group = new StringBuilder("MAIL FROM:<a@example.com>\r\n");
            for (int i = 0; i <= limit; i++) {
                group.append("RCPT TO:<r").append(i).append("@example.com>\r\n");
            }
            group.append("DATA\r\n");
            Thread writer = new Thread(() -> wire.sendRaw(group.toString()), "recipient-writer");
            writer.start(); // the replies are read meanwhile, so neither side's buffer fills up
            wire.expect("250 2.1.0");
            for (int i = 0; i < limit; i++) {
                wire.expect("250 2.1.5");
            }
            wire.expect("452 4.5.3");
            wire.expect("354 ");
            writer.join(WAIT.toMillis());
            wire.sendRaw("Subject: many\r\n\r\nhi\r\n.\r\n").expect("250 2.0.0");
            List<String> recipients = server.mailbox().awaitMessages(1, WAIT).get(0).envelope().recipients();
            assertThat(recipients).hasSize(limit).startsWith("r0@example.com").endsWith("r9999@example.com")
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void fiftyConnectionsAgainstALimitOfTwentyGetExactlyThirty421sAndTheTwentyWork() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().maxConnections(20).build().start()) {
            List<SmtpDialogue> wires = new ArrayList<>();
            try {
                for (int i = 0; i < 50; i++) {
                    wires.add(SmtpDialogue.connect(server, SmtpDialogue.PATIENT_TIMEOUT));
                }
                List<String> first = new ArrayList<>();
                for (SmtpDialogue wire : wires) {
                    first.add(wire.readReplyOrNull().get(0));
                }
                assertThat(first.subList(0, 20)).allMatch(reply -> reply.startsWith("220 "));
                assertThat(first.subList(20, 50)).allMatch(reply -> reply.startsWith("421 4.3.2"));
                wires.subList(20, 50).forEach(SmtpDialogue::expectClosed);
                for (int i = 0; i < 20; i++) {
                    SmtpDialogue wire = wires.get(i);
                    wire.sendRaw("EHLO c" + i + ".test\r\n").expect("250 ");
                    wire.sendRaw("MAIL FROM:<a@example.com>\r\n").expect("250 2.1.0");
                    wire.sendRaw("RCPT TO:<b@example.com>\r\n").expect("250 2.1.5");
                    wire.sendRaw("DATA\r\n").expect("354 ");
                    wire.sendRaw("mail " + i + "\r\n.\r\n").expect("250 2.0.0");
                }
            } finally {
                wires.forEach(SmtpDialogue::close);
            }
            assertThat(server.mailbox().awaitMessages(20, WAIT)).extracting(mail -> mail.rawText())
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 20).mapToObj(i -> "mail " + i + "\r\n").toList());
            Eventually.assertWithin(WAIT, () -> assertThat(server.sessions()).extracting(SmtpSession::end)
                    .doesNotContain(SessionEnd.OPEN));
            assertThat(server.sessions()).filteredOn(session -> session.end() == SessionEnd.CONNECTION_LIMIT)
                    .hasSize(30);
            // The slots are free again: a new client is served.
            Eventually.assertWithin(WAIT, () -> {
                try (SmtpDialogue next = SmtpDialogue.connect(server, SmtpDialogue.PATIENT_TIMEOUT)) {
                    next.expect("220 ");
                    next.sendRaw("QUIT\r\n").expect("221 ");
                }
            });
        }
    }

    @Test
    void randomBinaryGarbageGetsBoundedBadCommandsThen421AndClose() throws Exception {
        byte[] garbage = new byte[256 * 1024];
        new Random(20_261_126L).nextBytes(garbage);
        try (FakeSmtpServer server = FakeSmtpServer.builder().maxBadCommands(10).build().start();
             SmtpDialogue wire = SmtpDialogue.connect(server, SmtpDialogue.PATIENT_TIMEOUT)) {
            wire.expect("220 ");
            Thread writer = new Thread(() -> {
                try {
                    wire.sendRaw(garbage);
                } catch (UncheckedIOException e) {
                    // The server hung up long before the end of the garbage, as it should.
                }
            }, "garbage-writer");
            writer.start();
            List<String> replies = new ArrayList<>();
            for (List<String> reply; (reply = wire.readReplyOrNull()) != null; ) {
                replies.add(reply.get(reply.size() - 1));
            }
            writer.join(WAIT.toMillis());
            assertThat(replies).hasSize(11);
            assertThat(replies.subList(0, 10)).allMatch(reply -> reply.startsWith("500 5.5."));
            assertThat(replies.get(10)).startsWith("421 4.7.0");
            Eventually.assertWithin(WAIT, () -> assertThat(server.sessions().get(0).end())
                    .isEqualTo(SessionEnd.TOO_MANY_ERRORS));
        }
    }
}
