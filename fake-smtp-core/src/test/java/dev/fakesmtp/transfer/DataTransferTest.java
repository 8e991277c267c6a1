package dev.fakesmtp.transfer;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DATA (RFC 5321 §4.1.1.4, §4.5.2): the 354 go-ahead, dot-unstuffing and the end-of-data
 * sequence. Wire bytes and expected captures are written with escapes: {@code raw()} must be
 * exactly what was sent minus the stuffing dots and minus the final ".CRLF".
 */
@Timeout(30)
class DataTransferTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            plain message                 | Subject: a\\r\\n\\r\\nbody\\r\\n.\\r\\n          | Subject: a\\r\\n\\r\\nbody\\r\\n
            empty message                 | .\\r\\n                                         | ""
            first line is a stuffed dot   | ..\\r\\nnext\\r\\n.\\r\\n                       | .\\r\\nnext\\r\\n
            lone dot line inside content  | a\\r\\n..\\r\\nb\\r\\n.\\r\\n                   | a\\r\\n.\\r\\nb\\r\\n
            line starting with two dots   | ..x\\r\\n.\\r\\n                                | .x\\r\\n
            line of three dots            | ...\\r\\n.\\r\\n                                | ..\\r\\n
            line of four dots and text    | ....y\\r\\n.\\r\\n                              | ...y\\r\\n
            dot then space                | . x\\r\\n.\\r\\n                                | " x\\r\\n"
            dots inside and at end        | a.b\\r\\nc.\\r\\nd..\\r\\n.\\r\\n               | a.b\\r\\nc.\\r\\nd..\\r\\n
            last line had no newline      | line1\\r\\nlast\\r\\n.\\r\\n                    | line1\\r\\nlast\\r\\n
            blank lines around            | \\r\\n\\r\\nx\\r\\n\\r\\n.\\r\\n                | \\r\\n\\r\\nx\\r\\n\\r\\n
            """)
    void unstuffsDotsAndStopsAtCrlfDotCrlf(String name, String wire, String expected) {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            openTransaction(smtp);
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw(unescape(wire)).expect("250 2.0.0");
            smtp.send("NOOP").expect("250 2.0.0"); // the terminator was consumed exactly: commands follow

            ReceivedMail mail = server.mailbox().awaitMessages(1, WAIT).get(0);
            assertThat(new String(mail.raw(), ISO_8859_1)).as(name).isEqualTo(new String(unescape(expected), ISO_8859_1));
            assertThat(mail.size()).isEqualTo(unescape(expected).length);
        }
    }

    @Test
    void dataRepliesThreeFiftyFourWithTheEndSequence() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            openTransaction(smtp);
            List<String> reply = smtp.send("DATA").expect("354 ");
            assertThat(reply).singleElement().asString().contains("<CRLF>.<CRLF>");
            smtp.sendRaw("x\r\n.\r\n").expect("250 2.0.0 OK: queued as ");
        }
    }

    @Test
    void emptyMessageIsCapturedAsZeroBytes() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            openTransaction(smtp);
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw(".\r\n").expect("250 2.0.0");
            ReceivedMail mail = server.mailbox().awaitMessages(1, WAIT).get(0);
            assertThat(mail.raw()).isEmpty();
            assertThat(mail.envelope().recipients()).containsExactly("b@example.com");
        }
    }

    @Test
    void endOfDataSentOneByteAtATimeIsRecognised() {
        byte[] wire = "Subject: slow\r\n\r\n..dot\r\nend\r\n.\r\n".getBytes(ISO_8859_1);
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            openTransaction(smtp);
            smtp.send("DATA").expect("354 ");
            for (byte b : wire) {
                smtp.sendRaw(new byte[] {b}); // TCP_NODELAY: each byte its own segment
            }
            smtp.expect("250 2.0.0");
            ReceivedMail mail = server.mailbox().awaitMessages(1, WAIT).get(0);
            assertThat(mail.rawText()).isEqualTo("Subject: slow\r\n\r\n.dot\r\nend\r\n");
        }
    }

    @ParameterizedTest(name = "split after {0} bytes of CRLF.CRLF")
    @ValueSource(ints = {1, 2, 3, 4})
    void endOfDataSplitAcrossTwoWrites(int split) {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            openTransaction(smtp);
            smtp.send("DATA").expect("354 ");
            String terminator = "\r\n.\r\n";
            smtp.sendRaw("body" + terminator.substring(0, split));
            smtp.sendRaw(terminator.substring(split));
            smtp.expect("250 2.0.0");
            assertThat(server.mailbox().awaitMessages(1, WAIT).get(0).rawText()).isEqualTo("body\r\n");
        }
    }

    @Test
    void dataWithAnArgumentIsASyntaxErrorAndTheTransactionGoesOn() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            openTransaction(smtp);
            smtp.send("DATA now").expect("501 5.5.4");
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw("after 501\r\n.\r\n").expect("250 2.0.0");
            ReceivedMail mail = server.mailbox().awaitMessages(1, WAIT).get(0);
            assertThat(mail.rawText()).isEqualTo("after 501\r\n");
            assertThat(server.mailbox().size()).isEqualTo(1);
        }
    }

    @Test
    void twoTransactionsInOneSessionAreNumbered() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            for (String body : new String[] {"first\r\n", "second\r\n"}) {
                openTransaction(smtp);
                smtp.send("DATA").expect("354 ");
                smtp.sendRaw(body + ".\r\n").expect("250 2.0.0");
            }
            smtp.send("QUIT").expect("221 2.0.0");
            List<ReceivedMail> mails = server.mailbox().awaitMessages(2, WAIT);
            assertThat(mails).extracting(ReceivedMail::rawText).containsExactly("first\r\n", "second\r\n");
            assertThat(mails).extracting(mail -> mail.envelope().transactionIndex()).containsExactly(1, 2);
            assertThat(mails.get(0).envelope().sessionId()).isEqualTo(mails.get(1).envelope().sessionId())
                    .isEqualTo(server.sessions().get(0).id());
        }
    }

    static void openTransaction(SmtpDialogue smtp) {
        smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
        smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
    }

    /** Turns the escapes {@code \r}, {@code \n}, {@code \0}, {@code \\} of a table cell into bytes. */
    static byte[] unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 'r' -> '\r';
                    case 'n' -> '\n';
                    case '0' -> '\0';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString().getBytes(ISO_8859_1);
    }
}
