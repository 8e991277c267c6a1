package dev.fakesmtp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.support.SmtpDialogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A client that sends bad command after bad command is cut off with 421 (RFC 5321 §3.8, §4.2.3). */
@Timeout(10)
class BadCommandLimitTest {

    private static FakeSmtpServer serverAllowing(int badCommands) {
        return FakeSmtpServer.builder().maxBadCommands(badCommands).build().start();
    }

    @Test
    void afterMaxBadCommandsTheServerSends421AndCloses() {
        try (FakeSmtpServer server = serverAllowing(3); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("BOGUS1").expect("500 5.5.2 ");
            smtp.send("BOGUS2").expect("500 5.5.2 ");
            smtp.send("BOGUS3").expect("500 5.5.2 ");
            smtp.expect("421 4.7.0 ");
            smtp.expectClosed();
            assertThat(server.sessions()).singleElement()
                    .satisfies(session -> assertThat(session.end()).isEqualTo(SessionEnd.TOO_MANY_ERRORS));
        }
    }

    @Test
    void everyKindOfBadCommandCounts() {
        try (FakeSmtpServer server = serverAllowing(6); SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            smtp.send("BOGUS").expect("500 5.5.2 ");              // unknown verb
            smtp.send("EHLO").expect("501 5.5.4 ");               // syntax error
            smtp.send("MAIL FROM:<a@example.com>").expect("503 5.5.1 "); // out of sequence
            smtp.send("HELP BOGUS").expect("504 ");               // parameter not implemented
            smtp.send("RSET now").expect("501 5.5.4 ");
            smtp.send("RCPT TO:<b@example.com>").expect("503 5.5.1 ");
            smtp.expect("421 4.7.0 ");
            smtp.expectClosed();
        }
    }

    @Test
    void aGoodCommandResetsTheCount() {
        try (FakeSmtpServer server = serverAllowing(3); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            for (int round = 0; round < 5; round++) {
                smtp.send("BOGUS").expect("500 5.5.2 ");
                smtp.send("BOGUS").expect("500 5.5.2 ");
                smtp.send("NOOP").expect("250 2.0.0 ");
            }
            smtp.send("MAIL FROM:<a@example.com> FOO=1").expect("555 5.5.4 ");
            smtp.send("MAIL FROM:<a@example.com> FOO=1").expect("555 5.5.4 ");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0 ");
            assertThat(server.sessions().get(0).end()).isEqualTo(SessionEnd.OPEN);
        }
    }

    @Test
    void withALimitOfOneTheFirstBadCommandEndsTheSession() {
        try (FakeSmtpServer server = serverAllowing(1); SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            smtp.send("BOGUS").expect("500 5.5.2 ");
            smtp.expect("421 4.7.0 ");
            smtp.expectClosed();
        }
    }

    @Test
    void theDefaultLimitIsTenBadCommands() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            for (int i = 1; i < 10; i++) {
                smtp.send("BOGUS").expect("500 5.5.2 ");
            }
            smtp.send("NOOP").expect("250 2.0.0 ");
            for (int i = 1; i <= 10; i++) {
                smtp.send("BOGUS").expect("500 5.5.2 ");
            }
            smtp.expect("421 4.7.0 ");
            smtp.expectClosed();
        }
    }
}
