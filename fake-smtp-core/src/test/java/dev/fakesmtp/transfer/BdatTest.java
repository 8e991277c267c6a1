package dev.fakesmtp.transfer;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.Violation;
import dev.fakesmtp.support.SmtpDialogue;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * BDAT (RFC 3030) that succeeds: a chunk is exactly the announced octets, binary-safe (no
 * dot-stuffing, no end-of-data sequence), and LAST delivers the concatenated chunks.
 */
@Timeout(30)
class BdatTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void oneLastChunkWithEveryByteValueIsCapturedExactly() {
        byte[] content = binaryContent();
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            binaryTransaction(smtp);
            smtp.send("BDAT " + content.length + " LAST").sendRaw(content);
            smtp.expect("250 2.0.0 OK: " + content.length + " octets, queued as ");
            smtp.send("NOOP").expect("250 2.0.0"); // the chunk was taken exactly: commands follow

            ReceivedMail mail = server.mailbox().awaitMessages(1, WAIT).get(0);
            assertThat(mail.raw()).isEqualTo(content);
            assertThat(mail.envelope().mailParameter("BODY")).contains("BINARYMIME");
            // Binary content is no RFC 5322 message, so only the header check can complain.
            assertThat(server.sessions().get(0).violations()).extracting(Violation::type)
                    .containsOnly(Violation.Type.MISSING_HEADER);
        }
    }

    @Test
    void severalChunksThenLastAreConcatenated() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            binaryTransaction(smtp);
            smtp.send("BDAT 7").sendRaw("Subject").expect("250 2.0.0 7 octets received");
            smtp.send("BDAT 6").sendRaw(": hi\r\n").expect("250 2.0.0 6 octets received");
            smtp.send("BDAT 8").sendRaw("\r\n.\r\n\0\r\n").expect("250 2.0.0 8 octets received");
            smtp.send("BDAT 5 LAST").sendRaw("tail\n").expect("250 2.0.0 OK: 26 octets");

            ReceivedMail mail = server.mailbox().awaitMessages(1, WAIT).get(0);
            assertThat(new String(mail.raw(), ISO_8859_1)).isEqualTo("Subject: hi\r\n\r\n.\r\n\0\r\ntail\n");
        }
    }

    @Test
    void bdatZeroLastEndsTheMessage() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            binaryTransaction(smtp);
            smtp.send("BDAT 6").sendRaw("abc\r\n\0").expect("250 2.0.0 6 octets received");
            smtp.send("BDAT 0 LAST").expect("250 2.0.0 OK: 6 octets");
            assertThat(server.mailbox().awaitMessages(1, WAIT).get(0).raw())
                    .isEqualTo(new byte[] {'a', 'b', 'c', '\r', '\n', 0});
        }
    }

    @Test
    void bdatZeroLastAloneIsAnEmptyMessage() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            binaryTransaction(smtp);
            smtp.send("BDAT 0 LAST").expect("250 2.0.0 OK: 0 octets");
            assertThat(server.mailbox().awaitMessages(1, WAIT).get(0).raw()).isEmpty();
        }
    }

    @Test
    void lastIsCaseInsensitiveAndChunksAreSplitAcrossWrites() {
        byte[] content = binaryContent();
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            binaryTransaction(smtp);
            smtp.send("bdat " + content.length + " last");
            for (int i = 0; i < content.length; i += 97) {
                byte[] piece = Arrays.copyOfRange(content, i, Math.min(content.length, i + 97));
                smtp.sendRaw(piece);
            }
            smtp.expect("250 2.0.0 OK: " + content.length + " octets");
            assertThat(server.mailbox().awaitMessages(1, WAIT).get(0).raw()).isEqualTo(content);
        }
    }

    @Test
    void pipelinedChunksInOneWriteGetTwoReplies() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            binaryTransaction(smtp);
            smtp.sendRaw("BDAT 5\r\nhelloBDAT 6 LAST\r\n world");
            assertThat(smtp.readReply()).containsExactly("250 2.0.0 5 octets received");
            assertThat(smtp.readReply()).singleElement().asString().startsWith("250 2.0.0 OK: 11 octets");
            assertThat(server.mailbox().awaitMessages(1, WAIT).get(0).rawText()).isEqualTo("hello world");
        }
    }

    @Test
    void wholeBdatTransactionPipelinedInOneWrite() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            smtp.sendRaw("EHLO client.test\r\nMAIL FROM:<a@example.com> BODY=BINARYMIME\r\nRCPT TO:<b@example.com>\r\n"
                    + "BDAT 3 LAST\r\n\r\n.QUIT\r\n");
            smtp.expect("250 ");
            smtp.expect("250 2.1.0");
            smtp.expect("250 2.1.5");
            smtp.expect("250 2.0.0 OK: 3 octets");
            smtp.expect("221 2.0.0");
            smtp.expectClosed();
            assertThat(server.mailbox().awaitMessages(1, WAIT).get(0).rawText()).isEqualTo("\r\n.");
        }
    }

    @Test
    void eightBitChunkWithoutBodyParameterIsCapturedAndRecorded() {
        byte[] content = binaryContent();
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            DataTransferTest.openTransaction(smtp);
            smtp.send("BDAT " + content.length + " LAST").sendRaw(content).expect("250 2.0.0");
            assertThat(server.mailbox().awaitMessages(1, WAIT).get(0).raw()).isEqualTo(content);
            assertThat(server.sessions().get(0).violations()).extracting(Violation::type)
                    .contains(Violation.Type.EIGHT_BIT_WITHOUT_8BITMIME);
        }
    }

    @Test
    void rsetDropsTheChunksReceivedSoFar() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            binaryTransaction(smtp);
            smtp.send("BDAT 4").sendRaw("old\n").expect("250 2.0.0");
            smtp.send("RSET").expect("250 2.0.0");
            smtp.send("BDAT 4 LAST").sendRaw("QUIT").expect("503 5.5.1"); // no transaction any more
            binaryTransaction(smtp);
            smtp.send("BDAT 4 LAST").sendRaw("new\n").expect("250 2.0.0 OK: 4 octets");
            assertThat(server.mailbox().awaitMessages(1, WAIT)).extracting(ReceivedMail::rawText).containsExactly("new\n");
        }
    }

    @Test
    void secondTransactionAfterBdatCanUseData() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            DataTransferTest.openTransaction(smtp);
            smtp.send("BDAT 4 LAST").sendRaw("one\n").expect("250 2.0.0");
            DataTransferTest.openTransaction(smtp);
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw("two\r\n.\r\n").expect("250 2.0.0");
            List<ReceivedMail> mails = server.mailbox().awaitMessages(2, WAIT);
            assertThat(mails).extracting(ReceivedMail::rawText).containsExactly("one\n", "two\r\n");
            assertThat(mails).extracting(mail -> mail.envelope().transactionIndex()).containsExactly(1, 2);
        }
    }

    static void binaryTransaction(SmtpDialogue smtp) {
        smtp.send("MAIL FROM:<a@example.com> BODY=BINARYMIME").expect("250 2.1.0");
        smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
    }

    /** CR, LF, NUL, an end-of-data look-alike, every byte value, and a command look-alike. */
    static byte[] binaryContent() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Subject: binary\r\n\r\n\r\n.\r\n".getBytes(ISO_8859_1));
        out.writeBytes(new byte[] {'\r', 0, '\n', '\r', '\r', 0, 0});
        for (int b = 0; b < 256; b++) {
            out.write(b);
        }
        out.writeBytes("\r\nQUIT\r\n.\r\n".getBytes(ISO_8859_1));
        return out.toByteArray();
    }
}
