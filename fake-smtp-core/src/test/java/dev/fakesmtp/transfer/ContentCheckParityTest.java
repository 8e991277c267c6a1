package dev.fakesmtp.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.Violation;
import dev.fakesmtp.support.SmtpDialogue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One content check for DATA and BDAT: the same message gets the same violations and, from a
 * strict server, the same 550 5.6.0 whichever way it arrives (RFC 5321 §2.3.8, §4.5.3.1.6; RFC
 * 6152; RFC 2045 §2.7). Only BODY=BINARYMIME, which needs BDAT, lifts the line rules (RFC 3030
 * §3): then bare CR/LF, long lines and NUL are content like any other.
 */
@Timeout(20)
class ContentCheckParityTest {

    private static final String HEADERS = "Date: Thu, 26 Nov 2026 12:00:00 +0000\r\nFrom: a@example.com\r\n"
            + "Message-ID: <parity@example.com>\r\n\r\n";

    /** The body after the headers; \n, \r and \0 are escapes, {long} is a 5,000-octet line. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a fake end after bare LFs  | x\\n.\\nMAIL FROM:<e@x>\\r\\n | BARE_LF
            a bare CR                  | x\\ry\\r\\n                 | BARE_CR
            a 5,000-octet line         | {long}\\r\\n                | TEXT_LINE_TOO_LONG
            a NUL                      | a\\0b\\r\\n                 | NUL_IN_CONTENT
            8-bit without BODY         | caf\u00e9\\r\\n             | EIGHT_BIT_WITHOUT_8BITMIME
            nothing wrong              | hello\\r\\n                 |
            """)
    void dataAndBdatGetTheSameVerdict(String name, String body, Violation.Type expected) {
        byte[] content = (HEADERS + unescape(body)).getBytes(StandardCharsets.UTF_8);
        List<Violation.Type> types = expected == null ? List.of() : List.of(expected);
        for (boolean strict : new boolean[] {false, true}) {
            String reply = strict && expected != null ? "550 5.6.0" : "250 2.0.0";
            assertThat(viaData(content, strict, reply)).as("DATA, strict=%s", strict).isEqualTo(types);
            assertThat(viaBdat(content, "", strict, reply)).as("BDAT, strict=%s", strict).isEqualTo(types);
        }
    }

    /** What BINARYMIME allows: no line rules; a strict server takes the message as it is. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bare LFs  | x\\n.\\nMAIL FROM:<e@x>\\r\\n
            a bare CR | x\\ry\\r\\n
            long line | {long}\\r\\n
            a NUL     | a\\0b\\r\\n
            8-bit     | caf\u00e9\\r\\n
            """)
    void binaryMimeLiftsTheLineRules(String name, String body) {
        byte[] content = (HEADERS + unescape(body)).getBytes(StandardCharsets.UTF_8);
        assertThat(viaBdat(content, " BODY=BINARYMIME", true, "250 2.0.0")).isEmpty();
    }

    /** Sends the content with DATA (it needs no dot-stuffing); returns the session's violation types. */
    private static List<Violation.Type> viaData(byte[] content, boolean strict, String reply) {
        try (FakeSmtpServer server = start(strict); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw(content).sendRaw(".\r\n").expect(reply);
            return outcome(server, smtp, content, reply);
        }
    }

    private static List<Violation.Type> viaBdat(byte[] content, String mailParameters, boolean strict, String reply) {
        try (FakeSmtpServer server = start(strict); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>" + mailParameters).expect("250 2.1.0");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
            smtp.send("BDAT " + content.length + " LAST").sendRaw(content).expect(reply);
            return outcome(server, smtp, content, reply);
        }
    }

    private static List<Violation.Type> outcome(FakeSmtpServer server, SmtpDialogue smtp, byte[] content, String reply) {
        smtp.send("QUIT").expect("221 ");
        SmtpSession session = server.sessions().get(0);
        session.awaitEnd(Duration.ofSeconds(5));
        if (reply.startsWith("250")) {
            assertThat(server.mailbox().messages()).singleElement()
                    .satisfies(mail -> assertThat(mail.raw()).isEqualTo(content));
        } else {
            assertThat(server.mailbox().messages()).isEmpty();
        }
        return session.violations().stream().map(Violation::type).toList();
    }

    private static FakeSmtpServer start(boolean strict) {
        FakeSmtpServer.Builder builder = FakeSmtpServer.builder();
        return (strict ? builder.strict() : builder).build().start();
    }

    private static String unescape(String escaped) {
        return escaped.replace("{long}", "z".repeat(5_000)).replace("\\r", "\r").replace("\\n", "\n")
                .replace("\\0", "\0");
    }
}
