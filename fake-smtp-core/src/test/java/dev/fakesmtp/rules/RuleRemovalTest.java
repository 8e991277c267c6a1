package dev.fakesmtp.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Rule;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.TranscriptLine;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.support.Eventually;
import dev.fakesmtp.support.SmtpDialogue;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A rule's delays and stalls end when the rule goes (removed, or the server reset), so a shared
 * server does not keep threads busy for a test that is over; and a rule's name shows where it acts.
 */
@Timeout(20)
class RuleRemovalTest {

    /** Far longer than the test's timeout: only the removal can end it in time. */
    private static final Duration FOREVER = Duration.ofMinutes(10);

    @Test
    void removingTheRuleEndsItsDelayAndTheCommandProceeds() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Rule rule = server.on(Trigger.mailFrom()).delay(FOREVER);
            smtp.socket().setSoTimeout(200);
            smtp.send("MAIL FROM:<a@example.com>");
            assertThatThrownBy(() -> smtp.readByte()).isInstanceOf(SocketTimeoutException.class);

            rule.remove();

            smtp.socket().setSoTimeout(5_000);
            smtp.expect("250 2.1.0 ");
            assertThat(server.sessions().get(0).transcript()).extracting(TranscriptLine::text)
                    .contains("(delay cut short: the rule was removed)");
        }
    }

    @Test
    void removingTheRuleEndsADelayThatHasPipelinedCommandsWaiting() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Rule rule = server.on(Trigger.mailFrom()).delay(FOREVER);
            // The RCPT arrives with the MAIL, so the delay waits for the rule's removal alone.
            smtp.sendRaw("MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\n");
            SmtpSession session = server.sessions().get(0); // there since the EHLO was answered
            Eventually.assertWithin(RuleSteps.WAIT, () -> assertThat(session.transcript())
                    .extracting(TranscriptLine::text).contains("(delayed PT10M)"));

            rule.remove();

            smtp.expect("250 2.1.0 ");
            smtp.expect("250 2.1.5 ");
            assertThat(RuleSteps.ruleLines(session)).extracting(TranscriptLine::text)
                    .containsExactly("(delayed PT10M)", "(delay cut short: the rule was removed)");
        }
    }

    @Test
    void resetEndsADelayToo() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.on(Trigger.rcptTo()).delayThenReply(FOREVER, 451, "4.4.2 Too late");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
            smtp.socket().setSoTimeout(200);
            smtp.send("RCPT TO:<b@example.com>");
            assertThatThrownBy(() -> smtp.readByte()).isInstanceOf(SocketTimeoutException.class);

            server.reset();

            smtp.socket().setSoTimeout(5_000);
            smtp.expect("451 4.4.2 Too late");
        }
    }

    @Test
    void removingTheRuleEndsItsStallAndClosesTheConnection() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Rule rule = server.on(Trigger.data()).stall();
            smtp.envelope("a@example.com", "b@example.com");
            smtp.socket().setSoTimeout(200);
            smtp.send("DATA");
            assertThatThrownBy(() -> smtp.readByte()).isInstanceOf(SocketTimeoutException.class);
            SmtpSession session = server.sessions().get(0);

            server.reset();

            smtp.socket().setSoTimeout(5_000);
            smtp.expectEof();
            assertThat(session.awaitEnd(RuleSteps.WAIT)).isEqualTo(SessionEnd.CLOSED_BY_RULE);
            assertThat(session.transcript()).last().satisfies(line -> {
                assertThat(line.text()).isEqualTo("(stall ended: the rule was removed, connection closed)");
                assertThat(line.causedBy()).contains(rule.description());
            });
        }
    }

    @Test
    void aNamedRuleCarriesItsNameInItsDescriptionAndTheTranscript() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Rule rule = server.on(Trigger.rcptTo()).named("user-unknown").reply(550, "5.1.1 No such user");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
            smtp.send("RCPT TO:<b@example.com>").expect("550 ");

            assertThat(rule.description()).isEqualTo("rule #1 (user-unknown): on RCPT, always, reply 550 5.1.1 No such user");
            assertThat(RuleSteps.ruleLines(server.sessions().get(0))).singleElement()
                    .satisfies(line -> assertThat(line.causedBy()).contains(rule.description()));
            assertThatThrownBy(() -> server.on(Trigger.rcptTo()).named(" "))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
