package dev.fakesmtp.transfer;

import static dev.fakesmtp.transfer.DataTransferTest.openTransaction;
import static dev.fakesmtp.transfer.DataTransferTest.unescape;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.Violation;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SMTP smuggling: only CRLF "." CRLF ends the data. A bare LF or CR never starts a line, so
 * an end-of-data look-alike made with them is content, and the SMTP commands after it are
 * content too (never executed); the session records the bare line endings as violations.
 */
@Timeout(30)
class SmugglingTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String BEFORE = "Subject: smuggle\r\n\r\nbefore";
    private static final String SMUGGLED = "MAIL FROM:<evil@attacker.test>\r\nRCPT TO:<victim@example.com>\r\n"
            + "DATA\r\nSubject: smuggled\r\n\r\nevil\r\n";

    /** The fake end of data, what the capture holds in its place, and the violation expected. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            LF.LF          | \\n.\\n        | \\n.\\n        | BARE_LF
            CR.CR          | \\r.\\r        | \\r.\\r        | BARE_CR
            LF.CRLF        | \\n.\\r\\n     | \\n.\\r\\n     | BARE_LF
            CR.CRLF        | \\r.\\r\\n     | \\r.\\r\\n     | BARE_CR
            CRLF.LF        | \\r\\n.\\n     | \\r\\n\\n      | BARE_LF
            CRLF.CR        | \\r\\n.\\rX    | \\r\\n\\rX     | BARE_CR
            LF.LF CRLF     | \\n.\\n\\r\\n  | \\n.\\n\\r\\n  | BARE_LF
            lone bare LF   | \\n            | \\n            | BARE_LF
            lone bare CR   | \\r            | \\r            | BARE_CR
            """)
    void fakeEndOfDataIsContentAndCommandsAfterItAreNotExecuted(String name, String fakeEnd, String captured,
                                                                 Violation.Type violation) {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            openTransaction(smtp);
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw(concat(BEFORE, unescape(fakeEnd), SMUGGLED + ".\r\n"));
            assertThat(smtp.readReply()).as("one reply for the whole message").singleElement()
                    .asString().startsWith("250 2.0.0 OK: queued as");
            // Had the smuggled MAIL/RCPT/DATA run, their replies would come before NOOP's.
            assertThat(smtp.send("NOOP").readReply()).containsExactly("250 2.0.0 OK");
            smtp.send("QUIT").expect("221 2.0.0");

            List<ReceivedMail> mails = server.mailbox().awaitMessages(1, WAIT);
            assertThat(mails).hasSize(1);
            ReceivedMail mail = mails.get(0);
            assertThat(mail.envelope().mailFrom()).isEqualTo("a@example.com");
            assertThat(mail.envelope().recipients()).containsExactly("b@example.com");
            assertThat(new String(mail.raw(), ISO_8859_1))
                    .isEqualTo(new String(concat(BEFORE, unescape(captured), SMUGGLED), ISO_8859_1));
            assertThat(server.mailbox().messagesTo("victim@example.com")).isEmpty();
            assertThat(session(server).violations()).extracting(Violation::type).contains(violation);
        }
    }

    @Test
    void cleanCrlfMessageHasNoLineEndingViolations() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            openTransaction(smtp);
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw("Subject: clean\r\n\r\nline\r\n..\r\n.\r\n").expect("250 2.0.0");
            smtp.send("QUIT").expect("221 ");
            server.mailbox().awaitMessages(1, WAIT);
            assertThat(session(server).violations()).extracting(Violation::type)
                    .doesNotContain(Violation.Type.BARE_LF, Violation.Type.BARE_CR);
        }
    }

    @Test
    void bareLfAndBareCrInOneMessageAreBothRecorded() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            openTransaction(smtp);
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw("a\nb\rc\r\n.\r\n").expect("250 2.0.0");
            assertThat(server.mailbox().awaitMessages(1, WAIT).get(0).rawText()).isEqualTo("a\nb\rc\r\n");
            assertThat(session(server).violations()).extracting(Violation::type)
                    .contains(Violation.Type.BARE_LF, Violation.Type.BARE_CR);
        }
    }

    @Test
    void smuggledSecondMessageAfterBareLfDotBareLfNeverReachesTheMailbox() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            openTransaction(smtp);
            smtp.send("DATA").expect("354 ");
            // The classic attack: the smuggled transaction ends with its own "\n.\n" fake end,
            // and the client's real end comes later.
            smtp.sendRaw("x\n.\nMAIL FROM:<evil@attacker.test>\nRCPT TO:<victim@example.com>\nDATA\nevil\n.\n"
                    + "tail\r\n.\r\n");
            smtp.expect("250 2.0.0");
            smtp.send("QUIT").expect("221 ");
            ReceivedMail mail = server.mailbox().awaitMessages(1, WAIT).get(0);
            assertThat(mail.rawText()).startsWith("x\n.\nMAIL FROM:<evil@attacker.test>").endsWith("evil\n.\ntail\r\n");
            assertThat(server.mailbox().size()).isEqualTo(1);
            assertThat(server.sessions().get(0).messageCount()).isEqualTo(1);
        }
    }

    private static SmtpSession session(FakeSmtpServer server) {
        assertThat(server.sessions()).hasSize(1);
        return server.sessions().get(0);
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        byte[] a = head.getBytes(ISO_8859_1);
        byte[] c = tail.getBytes(ISO_8859_1);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }
}
