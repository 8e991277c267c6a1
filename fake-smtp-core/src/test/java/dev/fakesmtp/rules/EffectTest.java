package dev.fakesmtp.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Rule;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.TranscriptLine;
import dev.fakesmtp.TranscriptLine.Direction;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.support.SmtpDialogue;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every effect on the wire: a reply (one line or several), 421 and replyAndClose closing the
 * connection, a close without reply (FIN), a reset (RST), a delay before the normal reply or a
 * scripted one, a stall the client has to give up on, and a black hole.
 */
@Timeout(20)
class EffectTest {

    @Test
    void multiLineReplyRepeatsCodeAndEnhancedCodeOnEveryLine() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.on(Trigger.rcptTo("bob@example.com")).reply(SmtpReply.of(550, "5.7.1",
                    List.of("Message refused by policy", "See https://mx.test/policy", "Contact postmaster")));
            smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
            smtp.send("RCPT TO:<bob@example.com>");
            smtp.expectBytes("550-5.7.1 Message refused by policy\r\n"
                    + "550-5.7.1 See https://mx.test/policy\r\n"
                    + "550 5.7.1 Contact postmaster\r\n");
            smtp.send("RCPT TO:<carol@example.com>").expect("250 ");
        }
    }

    @Test
    void aReplyWithoutEnhancedCodeIsSentAsGiven() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.on(Trigger.noop()).reply(250, "Fine, thanks");
            smtp.send("NOOP");
            smtp.expectBytes("250 Fine, thanks\r\n");
        }
    }

    @Test
    void a421ReplyClosesTheConnection() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.on(Trigger.mailFrom()).reply(421, "4.3.2 Shutting down for maintenance");
            smtp.send("MAIL FROM:<a@example.com>");
            smtp.expectBytes("421 4.3.2 Shutting down for maintenance\r\n");
            smtp.expectEof();
            RuleSteps.endedSession(server, SessionEnd.CLOSED_BY_RULE);
        }
    }

    @Test
    void replyAndCloseClosesAfterAnyReply() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Rule rule = server.on(Trigger.rcptTo()).replyAndClose(554, "5.7.1 Blocked, goodbye");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
            smtp.send("RCPT TO:<b@example.com>");
            smtp.expectBytes("554 5.7.1 Blocked, goodbye\r\n");
            smtp.expectEof();
            assertThat(rule.description()).endsWith("reply 554 5.7.1 Blocked, goodbye and close");
        }
    }

    @Test
    void disconnectClosesWithoutAReply() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.on(Trigger.mailFrom()).disconnect();
            smtp.send("MAIL FROM:<a@example.com>");
            smtp.expectEof();
            SmtpSession session = RuleSteps.endedSession(server, SessionEnd.CLOSED_BY_RULE);
            assertThat(session.transcript()).last()
                    .satisfies(line -> assertThat(line.text()).isEqualTo("(connection closed without a reply)"))
                    .satisfies(line -> assertThat(line.direction()).as("a note, not a reply").isEqualTo(Direction.NOTE));
        }
    }

    @Test
    void resetConnectionMakesTheClientsReadFailWithConnectionReset() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.on(Trigger.rcptTo()).resetConnection();
            smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
            smtp.send("RCPT TO:<b@example.com>");
            assertThatThrownBy(() -> smtp.readByte())
                    .isInstanceOf(SocketException.class)
                    .hasMessageContaining("Connection reset");
            RuleSteps.endedSession(server, SessionEnd.CLOSED_BY_RULE);
        }
    }

    @Test
    void delayThenProceedAnswersNormallyAfterTheDelay() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Duration delay = Duration.ofMillis(300);
            Rule rule = server.on(Trigger.mailFrom()).delay(delay);
            long start = System.nanoTime();
            smtp.send("MAIL FROM:<a@example.com>");
            smtp.expectBytes("250 2.1.0 Sender <a@example.com> OK\r\n");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(delay);
            assertThat(rule.timesFired()).isEqualTo(1);
            smtp.send("RCPT TO:<b@example.com>").expect("250 "); // only MAIL was delayed
        }
    }

    @Test
    void aDelayTellsWhetherItProceedsOrRepliesInTheRuleDescription() {
        // What a user reads in rules() and in a failure message: after the wait, the normal
        // reply or the scripted one.
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            assertThat(server.on(Trigger.mailFrom()).delay(Duration.ofSeconds(2)).description())
                    .endsWith(", always, delay PT2S then proceed");
            assertThat(server.on(Trigger.data()).delayThenReply(Duration.ofSeconds(2), 451, "4.4.2 Late").description())
                    .endsWith(", always, delay PT2S then reply 451 4.4.2 Late");
        }
    }

    @Test
    void delayThenReplyAnswersTheScriptedReplyAfterTheDelay() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Duration delay = Duration.ofMillis(300);
            Rule rule = server.on(Trigger.data()).delayThenReply(delay, 451, "4.4.2 Timeout in the queue");
            smtp.envelope("a@example.com", "b@example.com");
            long start = System.nanoTime();
            smtp.send("DATA");
            smtp.expectBytes("451 4.4.2 Timeout in the queue\r\n");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(delay);
            // The transcript shows the wait and then the scripted reply, both marked with the rule.
            assertThat(RuleSteps.ruleLines(server.sessions().get(0)))
                    .extracting(TranscriptLine::text)
                    .containsExactly("(delayed PT0.3S)", "451 4.4.2 Timeout in the queue");
            assertThat(RuleSteps.ruleLines(server.sessions().get(0))).extracting(TranscriptLine::direction)
                    .as("the delay is a note; the reply went over the wire").containsExactly(Direction.NOTE, Direction.SERVER);
            assertThat(RuleSteps.ruleLines(server.sessions().get(0)))
                    .allSatisfy(line -> assertThat(line.causedBy()).contains(rule.description()));
        }
    }

    @Test
    void stallNeverAnswersAndCloseStillReturnsPromptly() throws Exception {
        FakeSmtpServer server = FakeSmtpServer.builder().shutdownTimeout(Duration.ofSeconds(15)).build().start();
        try (server; SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Rule rule = server.on(Trigger.data()).stall();
            smtp.envelope("a@example.com", "b@example.com");
            smtp.socket().setSoTimeout(300);
            smtp.send("DATA");
            assertThatThrownBy(() -> smtp.readByte()).isInstanceOf(SocketTimeoutException.class);
            // The client keeps talking into the void: a stalled server reads but answers nothing.
            smtp.send("NOOP");
            assertThatThrownBy(() -> smtp.readByte()).isInstanceOf(SocketTimeoutException.class);
            assertThat(rule.timesFired()).isEqualTo(1);
            assertThat(server.sessions().get(0).end()).isEqualTo(SessionEnd.OPEN);

            // Far below the 15 s shutdown bound: close() ends the stall instead of waiting it out.
            assertTimeout(Duration.ofSeconds(3), server::close);
            assertThat(server.isRunning()).isFalse();
            assertThat(server.sessions().get(0).end()).isNotEqualTo(SessionEnd.OPEN);
        }
    }

    @Test
    void aStallEndsWhenTheClientGivesUp() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Rule rule = server.on(Trigger.ehlo()).stall();
            try (SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
                smtp.socket().setSoTimeout(300);
                smtp.send("EHLO client.test");
                assertThatThrownBy(() -> smtp.readByte()).isInstanceOf(SocketTimeoutException.class);
            } // the client gives up and closes
            SmtpSession session = RuleSteps.endedSession(server, SessionEnd.CLOSED_BY_RULE);
            assertThat(RuleSteps.ruleLines(session)).singleElement()
                    .satisfies(line -> assertThat(line.text()).isEqualTo("(stalled: no more replies)"))
                    .satisfies(line -> assertThat(line.direction()).isEqualTo(Direction.NOTE))
                    .satisfies(line -> assertThat(line.causedBy()).contains(rule.description()));
        }
    }

    @Test
    void blackHoleAnswers250ButCapturesNothing() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Rule rule = server.on(Trigger.endOfData()).once().blackHole();
            smtp.envelope("a@example.com", "b@example.com");
            smtp.data("into the void").expect("250 2.0.0 OK: queued as ");
            assertThat(server.mailbox().messages()).isEmpty();

            smtp.envelope("a@example.com", "b@example.com");
            smtp.data("kept").expect("250 2.0.0 ");
            assertThat(server.mailbox().messages()).extracting(mail -> mail.subject()).containsExactly("kept");
            assertThat(rule.timesFired()).isEqualTo(1);
            assertThat(server.sessions().get(0).messageCount()).isEqualTo(1);
        }
    }
}
