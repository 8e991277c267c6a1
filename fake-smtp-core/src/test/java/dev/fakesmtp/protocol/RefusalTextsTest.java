package dev.fakesmtp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.SmtpDialogue;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The text of a refusal is what a client developer reads in their exception ("503 5.5.1 Bad sequence of commands: Need
 * MAIL before RCPT"): each out-of-sequence and syntax refusal says what was wrong, not only its
 * code. Other tests check the codes; mutation testing showed no test would notice a refusal
 * that named the wrong fault.
 */
@Timeout(30)
class RefusalTextsTest {

    private static FakeSmtpServer server;

    @BeforeAll
    static void start() {
        server = FakeSmtpServer.builder()
                .user("bob@example.com", "Bob Smith")
                .mailingList("team", List.of("bob@example.com"))
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(List.of(), "MAIL FROM:<a@example.com>",
                        "503 5.5.1 Bad sequence of commands: Send EHLO or HELO first"),
                Arguments.of(List.of("EHLO client.test", "MAIL FROM:<a@example.com>"), "MAIL FROM:<b@example.com>",
                        "503 5.5.1 Bad sequence of commands: Nested MAIL command: a transaction is already open"),
                Arguments.of(List.of("EHLO client.test"), "RCPT TO:<bob@example.com>",
                        "503 5.5.1 Bad sequence of commands: Need MAIL before RCPT"),
                Arguments.of(List.of(), "BDAT 0 LAST",
                        "503 5.5.1 Bad sequence of commands: BDAT is an SMTP extension: send EHLO first"),
                Arguments.of(List.of("HELO client.test"), "BDAT 0 LAST",
                        "503 5.5.1 Bad sequence of commands: BDAT is an SMTP extension: send EHLO first, not HELO"),
                Arguments.of(List.of(), "EHLO", "501 5.5.4 Syntax: EHLO <domain>"),
                Arguments.of(List.of(), "EHLO two words", "501 5.5.4 Syntax: EHLO <domain>"),
                Arguments.of(List.of(), "HELO", "501 5.5.4 Syntax: HELO <domain>"),
                Arguments.of(List.of(), "HELO two words", "501 5.5.4 Syntax: HELO <domain>"),
                Arguments.of(List.of("EHLO client.test"), "EXPN bob@example.com",
                        "550 5.1.1 That is a user name, not a mailing list"),
                Arguments.of(List.of("EHLO client.test"), "EXPN nobody", "550 5.1.1 Mailing list unknown: nobody"),
                Arguments.of(List.of(), "", "500 5.5.2 Syntax error: empty command"),
                Arguments.of(List.of(), "XYZZY now", "500 5.5.2 Syntax error, command unrecognized: XYZZY"));
    }

    @ParameterizedTest(name = "{1} after {0}: {2}")
    @MethodSource("refusals")
    void aRefusalSaysWhatWasWrong(List<String> before, String command, String expected) {
        try (SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            for (String line : before) {
                smtp.send(line).readReply();
            }
            List<String> reply = smtp.send(command).readReply();
            assertThat(reply).as("reply to %s", command).containsExactly(expected);
        }
    }

    @Test
    void rcptAfterBdatIsRefusedAsSuch() {
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
            smtp.send("RCPT TO:<bob@example.com>").expect("250 ");
            smtp.sendRaw("BDAT 2\r\nab");
            smtp.expect("250 ");
            assertThat(smtp.send("RCPT TO:<bob@example.com>").readReply())
                    .containsExactly("503 5.5.1 Bad sequence of commands: RCPT is not allowed after BDAT");
        }
    }

    @Test
    void expnWithoutMailingListsCannotTellButWillAccept() {
        try (FakeSmtpServer plain = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(plain)) {
            assertThat(smtp.send("EXPN team").readReply())
                    .containsExactly("252 2.5.0 Cannot EXPN, but will accept message and attempt delivery");
        }
    }
}
