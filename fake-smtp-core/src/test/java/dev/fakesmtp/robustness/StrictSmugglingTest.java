package dev.fakesmtp.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.Violation;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SMTP smuggling against a strict server: data with a bare LF or bare CR anywhere, in particular
 * in a fake end of data, is refused with 550 5.6.0 as a whole, so neither the part before the
 * fake end nor the smuggled transaction after it is captured, and the session goes on. (The
 * lenient server's behaviour, one message plus a violation, is in {@code SmugglingTest}.)
 */
@Timeout(30)
class StrictSmugglingTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    /** Complete headers, so that the only thing wrong with the message is the smuggling. */
    private static final String BEFORE = "Date: Thu, 26 Nov 2026 12:00:00 +0000\r\nFrom: a@example.com\r\n"
            + "Message-ID: <before@example.com>\r\nSubject: smuggle\r\n\r\nbefore";
    private static final String SMUGGLED = "MAIL FROM:<evil@attacker.test>\r\nRCPT TO:<victim@example.com>\r\n"
            + "DATA\r\nFrom: evil@attacker.test\r\n\r\nevil\r\n";

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            bare LF   | \\n        | BARE_LF | bare LF
            bare CR   | \\r        | BARE_CR | bare CR
            LF.LF     | \\n.\\n    | BARE_LF | bare LF
            CR.CR     | \\r.\\r    | BARE_CR | bare CR
            CRLF.LF   | \\r\\n.\\n | BARE_LF | bare LF
            LF.CRLF   | \\n.\\r\\n | BARE_LF | bare LF
            """)
    void smuggledSequenceGets550AndNothingIsCaptured(String name, String sequence, Violation.Type type, String reason) {
        try (FakeSmtpServer server = FakeSmtpServer.builder().strict().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw(BEFORE + unescape(sequence) + SMUGGLED + ".\r\n");
            assertThat(smtp.readReply()).as("one reply for the whole data").singleElement().asString()
                    .startsWith("550 5.6.0").contains(reason);
            // Had the smuggled MAIL/RCPT/DATA run, their replies would come before NOOP's.
            smtp.send("NOOP").expect("250 2.0.0");
            // The session goes on, and the first message it captures is the next one.
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw(BEFORE.replace("before@", "after@") + "\r\n.\r\n").expect("250 2.0.0");
            smtp.send("QUIT").expect("221 ");

            ReceivedMail only = server.mailbox().awaitMessages(1, WAIT).get(0);
            assertThat(server.mailbox().messages()).containsExactly(only);
            assertThat(only.rawText()).contains("<after@example.com>").doesNotContain("evil");
            assertThat(server.mailbox().messagesTo("victim@example.com")).isEmpty();
            assertThat(server.sessions().get(0).messageCount()).isEqualTo(1);
            assertThat(server.sessions().get(0).violations()).extracting(Violation::type).containsExactly(type);
        }
    }

    @Test
    void theSameMessageWithoutSmugglingIsAcceptedByTheStrictServer() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().strict().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw(BEFORE + "\r\n..\r\n" + SMUGGLED + ".\r\n").expect("250 2.0.0");
            smtp.send("QUIT").expect("221 ");
            assertThat(server.mailbox().awaitMessages(1, WAIT).get(0).rawText()).isEqualTo(BEFORE + "\r\n.\r\n" + SMUGGLED);
            assertThat(server.sessions().get(0).violations()).isEmpty();
        }
    }

    private static String unescape(String escaped) {
        return escaped.replace("\\r", "\r").replace("\\n", "\n");
    }
}
