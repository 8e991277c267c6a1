package dev.fakesmtp.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Violation;
import dev.fakesmtp.support.SmtpDialogue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which header fields a message has, as RFC 5322 reads its header section: the fields up to the
 * first empty line (§2.1), names compared without regard to case (§1.2.2), a line that starts
 * with a space or a tab continuing the field above (folding, §2.2.3), white space allowed before
 * the colon (obs-optional, §4.5). A strict server refuses a message without Date or From (§3.6)
 * and says which one, so the reply shows what the server saw.
 */
@Timeout(30)
class HeaderSectionTest {

    private static final String DATE = "Date: Thu, 26 Nov 2026 12:00:00 +0000";
    private static final String FROM = "From: a@example.com";
    private static final String ID = "Message-ID: <h@example.com>";

    private static FakeSmtpServer strict;

    @BeforeAll
    static void start() {
        strict = FakeSmtpServer.builder().strict().build().start();
    }

    @AfterAll
    static void stop() {
        strict.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            all three fields                          | {date}\\n{from}\\n{id}\\n\\nbody | 250 2.0.0
            names in any case                         | DATE: x\\nfrom: a@example.com\\nmessage-ID: <i@x>\\n\\nb | 250 2.0.0
            white space before the colon              | Date : x\\nFrom\\t: a@example.com\\n{id}\\n\\nb | 250 2.0.0
            a line without a colon before the fields  | X-Garbage\\n{date}\\n{from}\\n{id}\\n\\nbody | 250 2.0.0
            Date only in the body                     | {from}\\n{id}\\n\\n{date}\\n | 550 5.6.0 Message refused: no Date header
            Date folded into Subject with a space     | Subject: hi\\n {date}\\n{from}\\n{id}\\n\\nbody | 550 5.6.0 Message refused: no Date header
            Date folded into Subject with a tab       | Subject: hi\\n\\t{date}\\n{from}\\n{id}\\n\\nbody | 550 5.6.0 Message refused: no Date header
            From after the empty line                 | {date}\\n{id}\\n\\n{from}\\n | 550 5.6.0 Message refused: no From header
            an empty line first: no header section    | \\n{date}\\n{from}\\n{id}\\n | 550 5.6.0 Message refused: no Date header
            a From only in a continuation line        | {date}\\nX-A: 1\\n From: a@example.com\\n{id}\\n\\nb | 550 5.6.0 Message refused: no From header
            """)
    void aStrictServerFindsTheFieldsOfTheHeaderSectionOnly(String what, String content, String reply) {
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(strict)) {
            smtp.envelope("a@example.com", "b@example.com");
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw(message(content, "\r\n") + "\r\n.\r\n").expect(reply);
            smtp.send("QUIT").expect("221 ");
        }
    }

    /** Lines ending in a bare LF (a lenient server keeps them): the header section still ends at the empty line. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            all three fields                       | {date}\\n{from}\\n{id}\\n\\nbody |
            Date only in the body                  | {from}\\n{id}\\n\\n{date}\\nx | The message has no Date header
            an empty line first: no header section | \\n{date}\\n{from}\\n{id}\\nx | The message has no Date header
            """)
    void lineEndsOfBareLfEndTheHeaderSectionAtTheirEmptyLineToo(String what, String content, String missing) {
        try (FakeSmtpServer lenient = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(lenient)) {
            smtp.envelope("a@example.com", "b@example.com");
            smtp.send("DATA").expect("354 ");
            // The final dot still needs CRLF before it (RFC 5321 §4.1.1.4).
            smtp.sendRaw(message(content, "\n") + "\r\n.\r\n").expect("250 2.0.0");
            var violations = lenient.sessions().get(0).violations();
            assertThat(violations).extracting(Violation::type).contains(Violation.Type.BARE_LF);
            if (missing == null) {
                assertThat(violations).extracting(Violation::type).doesNotContain(Violation.Type.MISSING_HEADER);
            } else {
                assertThat(violations).extracting(Violation::detail).contains(missing);
            }
        }
    }

    @Test
    void bdatContentHasItsHeaderSectionReadTheSameWay() {
        String content = "Subject: hi\r\n " + DATE + "\r\n" + FROM + "\r\n" + ID + "\r\n\r\nbody\r\n";
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(strict)) {
            smtp.envelope("a@example.com", "b@example.com");
            smtp.send("BDAT " + content.length() + " LAST").sendRaw(content)
                    .expect("550 5.6.0 Message refused: no Date header");
        }
    }

    @Test
    void aMessageOfOnlyHeadersWithoutTheEmptyLineHasItsFields() {
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(strict)) {
            smtp.envelope("a@example.com", "b@example.com");
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw(DATE + "\r\n" + FROM + "\r\n" + ID + "\r\n.\r\n").expect("250 2.0.0");
        }
    }

    private static String message(String template, String lineEnd) {
        return template.replace("{date}", DATE).replace("{from}", FROM).replace("{id}", ID)
                .replace("\\t", "\t").replace("\\n", lineEnd);
    }
}
