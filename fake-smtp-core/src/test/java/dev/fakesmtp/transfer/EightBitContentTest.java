package dev.fakesmtp.transfer;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.Violation;
import dev.fakesmtp.support.SmtpDialogue;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 8-bit content (RFC 6152) and text line length (RFC 5321 §4.5.3.1.6): the server captures
 * what it gets, byte for byte, and records the client's rule breaking as violations.
 */
@Timeout(30)
class EightBitContentTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String UTF8_TEXT = "Grüße aus Köln, 日本語, emoji 😀, Ωmega\r\n";

    @Test
    void everyHighByteWithBody8bitmimeIsCapturedExactlyWithoutViolation() {
        byte[] content = eightBitContent();
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com> BODY=8BITMIME").expect("250 2.1.0");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw(content).sendRaw(".\r\n").expect("250 2.0.0");
            smtp.send("QUIT").expect("221 ");

            ReceivedMail mail = server.mailbox().awaitMessages(1, WAIT).get(0);
            assertThat(mail.raw()).isEqualTo(content);
            assertThat(mail.rawText()).contains(UTF8_TEXT);
            assertThat(mail.envelope().mailParameter("BODY")).contains("8BITMIME");
            assertThat(server.sessions().get(0).violations()).extracting(Violation::type)
                    .doesNotContain(Violation.Type.EIGHT_BIT_WITHOUT_8BITMIME);
        }
    }

    @ParameterizedTest(name = "MAIL FROM:<a@example.com>{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''
            ' BODY=7BIT'
            """)
    void eightBitWithoutBody8bitmimeIsCapturedAndRecorded(String parameter) {
        byte[] content = eightBitContent();
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>" + parameter).expect("250 2.1.0");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw(content).sendRaw(".\r\n").expect("250 2.0.0");

            assertThat(server.mailbox().awaitMessages(1, WAIT).get(0).raw()).isEqualTo(content);
            assertThat(server.sessions().get(0).violations()).extracting(Violation::type)
                    .containsOnlyOnce(Violation.Type.EIGHT_BIT_WITHOUT_8BITMIME);
        }
    }

    @Test
    void sevenBitContentHasNoEightBitViolation() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            DataTransferTest.openTransaction(smtp);
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw("Subject: ascii\r\n\r\n~ plain \u007f ascii\r\n.\r\n").expect("250 2.0.0");
            server.mailbox().awaitMessages(1, WAIT);
            // The bare test message lacks Date, From and Message-ID; those are the only violations.
            assertThat(server.sessions().get(0).violations()).extracting(Violation::type)
                    .containsOnly(Violation.Type.MISSING_HEADER);
        }
    }

    @Test
    void textLineOverOneThousandOctetsIsCapturedAndRecorded() {
        String longLine = "x".repeat(5000) + "\r\n";
        String content = "Subject: long\r\n\r\n" + longLine + "short\r\n";
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            DataTransferTest.openTransaction(smtp);
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw(content + ".\r\n").expect("250 2.0.0");
            smtp.send("NOOP").expect("250 2.0.0");

            assertThat(server.mailbox().awaitMessages(1, WAIT).get(0).rawText()).isEqualTo(content);
            assertThat(server.sessions().get(0).violations()).extracting(Violation::type)
                    .containsOnlyOnce(Violation.Type.TEXT_LINE_TOO_LONG);
        }
    }

    /** 998 octets plus CRLF is the most RFC 5321 allows; one more is too long. */
    @ParameterizedTest(name = "{0} octets before CRLF: violation {1}")
    @CsvSource({"998, false", "999, true"})
    void textLineLimitIsOneThousandOctetsWithCrlf(int octets, boolean violation) {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            DataTransferTest.openTransaction(smtp);
            smtp.send("DATA").expect("354 ");
            String line = "y".repeat(octets) + "\r\n";
            smtp.sendRaw(line + ".\r\n").expect("250 2.0.0");

            assertThat(server.mailbox().awaitMessages(1, WAIT).get(0).rawText()).isEqualTo(line);
            List<Violation.Type> types = server.sessions().get(0).violations().stream().map(Violation::type).toList();
            assertThat(types.contains(Violation.Type.TEXT_LINE_TOO_LONG)).as("violations %s", types).isEqualTo(violation);
        }
    }

    @Test
    void configuredTextLineLimitIsUsed() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().maxTextLineLength(80).build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            DataTransferTest.openTransaction(smtp);
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw("z".repeat(79) + "\r\n.\r\n").expect("250 2.0.0");
            server.mailbox().awaitMessages(1, WAIT);
            assertThat(server.sessions().get(0).violations()).extracting(Violation::type)
                    .filteredOn(type -> type != Violation.Type.MISSING_HEADER) // a bare body has no headers
                    .containsExactly(Violation.Type.TEXT_LINE_TOO_LONG);
        }
    }

    @Test
    void utf8HeadersAndBodyWithSmtputf8AreKeptAsSent() {
        String content = "Subject: Grüße 😀\r\nFrom: jörg@example.com\r\n\r\n" + UTF8_TEXT;
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com> BODY=8BITMIME SMTPUTF8").expect("250 2.1.0");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw(content + ".\r\n").expect("250 2.0.0");

            ReceivedMail mail = server.mailbox().awaitMessages(1, WAIT).get(0);
            assertThat(mail.raw()).isEqualTo(content.getBytes(UTF_8));
            assertThat(mail.rawText()).isEqualTo(content);
        }
    }

    /** Headers, then one line with each byte 0x80..0xFF, then UTF-8 text; all CRLF-terminated. */
    private static byte[] eightBitContent() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Subject: 8bit\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n".getBytes(ISO_8859_1));
        for (int b = 0x80; b <= 0xFF; b++) {
            out.write(b);
        }
        out.writeBytes("\r\n".getBytes(ISO_8859_1));
        out.writeBytes(UTF8_TEXT.getBytes(UTF_8));
        return out.toByteArray();
    }
}
