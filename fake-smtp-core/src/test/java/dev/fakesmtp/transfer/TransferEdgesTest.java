package dev.fakesmtp.transfer;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.TranscriptLine;
import dev.fakesmtp.Violation;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The edges of a message transfer that a client meets when it goes wrong: an octet the reader
 * treats specially at the start of a line, a connection cut at a line's start, a SIZE met exactly,
 * chunks cut short or refused, a message sent behind a refused DATA. What the server did is in the
 * reply, the mailbox, the session's end and its transcript, which is what a user reads when a
 * test fails.
 */
@Timeout(30)
class TransferEdgesTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String HEADERS = "Date: Thu, 26 Nov 2026 12:00:00 +0000\r\nFrom: a@example.com\r\n"
            + "Message-ID: <edges@example.com>\r\n\r\n";

    @Test
    void aNulAtTheStartOfALineIsContentNotTheEndOfTheStream() {
        String content = HEADERS + "\0first\r\n\0\r\n";
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.envelope("a@example.com", "b@example.com");
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw(content + ".\r\n").expect("250 2.0.0 ");
            assertThat(server.mailbox().awaitMessages(1, WAIT).get(0).raw()).isEqualTo(content.getBytes(ISO_8859_1));
            assertThat(server.sessions().get(0).violations()).extracting(Violation::type)
                    .containsExactly(Violation.Type.NUL_IN_CONTENT);
        }
    }

    @Test
    void aClientThatLeavesAtTheStartOfALineInDataLeavesNoMessageAndItsLastLineInTheTranscript() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.envelope("a@example.com", "b@example.com");
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw("Subject: cut\r\n");
            smtp.cutAndAwaitServerClose();
            SmtpSession session = server.sessions().get(0);
            assertThat(session.awaitEnd(WAIT)).isEqualTo(SessionEnd.CLIENT_DISCONNECTED);
            assertThat(server.mailbox().messages()).isEmpty();
            // Exactly what arrived: nothing is made up for the missing rest.
            assertThat(session.transcript()).extracting(TranscriptLine::text)
                    .containsSubsequence("354 Start mail input; end with <CRLF>.<CRLF>", "Subject: cut")
                    .last().asString().startsWith("Subject: cut").hasSize("Subject: cut".length());
        }
    }

    @Test
    void aMessageOfExactlyTheDeclaredSizeBreaksNoRule() {
        String content = HEADERS + "exactly\r\n";
        try (FakeSmtpServer server = FakeSmtpServer.builder().strict().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com> SIZE=" + content.length()).expect("250 2.1.0");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw(content + ".\r\n").expect("250 2.0.0 ");
            smtp.send("MAIL FROM:<a@example.com> SIZE=" + (content.length() - 1)).expect("250 2.1.0");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw(content + ".\r\n").expect("552 5.3.4 Message larger than the SIZE its MAIL command declared");
            assertThat(server.sessions().get(0).violations()).extracting(Violation::detail).containsExactly(
                    "MAIL declared SIZE=" + (content.length() - 1) + " but sent " + content.length() + " octets");
        }
    }

    @Test
    void aBdatChunkCutShortSaysInTheTranscriptHowFarItGot() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.envelope("a@example.com", "b@example.com");
            smtp.send("BDAT 4").sendRaw("abcd").expect("250 2.0.0 4 octets received");
            smtp.send("BDAT 10 LAST").sendRaw("xyz");
            smtp.cutAndAwaitServerClose();
            SmtpSession session = server.sessions().get(0);
            assertThat(session.awaitEnd(WAIT)).isEqualTo(SessionEnd.CLIENT_DISCONNECTED);
            assertThat(session.transcript()).extracting(TranscriptLine::text)
                    .contains("... (BDAT chunk of 10 octets cut short, 7 octets of the message received)");
            assertThat(server.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void aMessageSentBehindARefusedDataIsDiscardedAndTheTranscriptSaysHowMuch() {
        String message = "Subject: x\r\n\r\nhi\r\n.\r\n";
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
            // No recipient: DATA is refused, and the message the client sent behind it must not run as commands.
            smtp.sendRaw("DATA\r\n" + message + "NOOP\r\n").expect("503 ");
            smtp.expect("250 2.0.0 OK");
            assertThat(server.sessions().get(0).transcript()).extracting(TranscriptLine::text).contains(
                    "... (" + message.length() + " octets of message content sent before the reply to DATA, discarded)");
        }
    }

    @Test
    void aRefusedBdatWithoutAReadableSizeEndsTheSessionAsItsChunkCannotBeFound() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            // Out of sequence (no MAIL) and a size of 20 digits: neither the reply nor the chunk's end can be known.
            smtp.send("BDAT 12345678901234567890 LAST")
                    .expect("421 4.5.2 localhost BDAT needs a chunk size of at most 18 digits");
            smtp.expectClosed();
            assertThat(server.sessions().get(0).awaitEnd(WAIT)).isEqualTo(SessionEnd.PROTOCOL_ERROR);
        }
    }

    @Test
    void aRefusedBdatWhoseChunkIsCutShortEndsAsADisconnectNotAsADiscardedChunk() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("BDAT 100 LAST").sendRaw("only ten.."); // refused (no MAIL): its chunk is read to drop it
            smtp.cutAndAwaitServerClose();
            SmtpSession session = server.sessions().get(0);
            assertThat(session.awaitEnd(WAIT)).isEqualTo(SessionEnd.CLIENT_DISCONNECTED);
            assertThat(session.transcript()).extracting(TranscriptLine::text).endsWith(
                    "BDAT 100 LAST", "... (BDAT chunk of 100 octets cut short after 10, discarded)");
        }
    }
}
