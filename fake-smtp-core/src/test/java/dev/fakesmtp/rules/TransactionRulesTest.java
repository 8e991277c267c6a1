package dev.fakesmtp.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.Rule;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What rules do to the mail transaction: a refused recipient leaves the others in it, refusing
 * every recipient makes DATA fail, a refusal or a disconnect before the 250 captures nothing,
 * and a delay at the end of data still captures the message exactly once.
 */
@Timeout(20)
class TransactionRulesTest {

    @Test
    void aRejectedRecipientLeavesTheOthersOfTheTransaction() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.on(Trigger.rcptTo(Pattern.compile("bob@.*"))).reply(550, "5.1.1 No such user");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
            smtp.send("RCPT TO:<alice@example.com>").expect("250 ");
            smtp.send("RCPT TO:<bob@example.com>").expect("550 5.1.1 No such user");
            smtp.send("RCPT TO:<carol@example.com>").expect("250 ");
            smtp.send("RCPT TO:<bob@example.org>").expect("550 5.1.1 No such user");
            smtp.data("partial").expect("250 2.0.0 ");

            ReceivedMail mail = server.mailbox().awaitMessages(1, RuleSteps.WAIT).get(0);
            assertThat(mail.envelope().recipients()).containsExactly("alice@example.com", "carol@example.com");
            assertThat(server.mailbox().messages()).hasSize(1);
        }
    }

    @Test
    void whenRulesRejectEveryRecipientDataGets554() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.on(Trigger.rcptTo()).reply(550, "5.1.1 No such user");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
            smtp.send("RCPT TO:<bob@example.com>").expect("550 ");
            smtp.send("RCPT TO:<carol@example.com>").expect("550 ");
            smtp.send("DATA");
            smtp.expectBytes("554 5.5.1 No valid recipients\r\n");
            assertThat(server.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void aTemporaryRejectionAlsoCountsAsNoValidRecipient() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.on(Trigger.rcptTo()).reply(451, "4.7.1 Greylisted");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
            smtp.send("RCPT TO:<bob@example.com>").expect("451 ");
            smtp.send("DATA").expect("554 5.5.1 ");
        }
    }

    @Test
    void aSuccessfulRuleReplyAtRcptDoesNotAddTheRecipient() {
        // A rule answers instead of the server: a scripted 250 is only a reply, not an accepted recipient.
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.on(Trigger.rcptTo("ghost@example.com")).reply(250, "2.1.5 Sure");
            smtp.envelope("a@example.com", "ghost@example.com", "real@example.com");
            smtp.data("who got it").expect("250 ");
            assertThat(server.mailbox().awaitMessages(1, RuleSteps.WAIT).get(0).envelope().recipients())
                    .containsExactly("real@example.com");
        }
    }

    @Test
    void aRejectionAtEndOfDataCapturesNothingAndTheNextTransactionWorks() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.on(Trigger.endOfData()).once().reply(451, "4.3.0 Try again");
            smtp.envelope("a@example.com", "b@example.com");
            smtp.data("first").expect("451 4.3.0 Try again");
            assertThat(server.mailbox().messages()).isEmpty();
            // The transaction is over: RCPT without a new MAIL is out of sequence.
            smtp.send("RCPT TO:<c@example.com>").expect("503 5.5.1 ");

            smtp.envelope("a@example.com", "b@example.com");
            smtp.data("second").expect("250 2.0.0 ");
            assertThat(server.mailbox().messages()).extracting(ReceivedMail::subject).containsExactly("second");
        }
    }

    @Test
    void aDisconnectAtEndOfDataCapturesNothing() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            server.on(Trigger.endOfData()).disconnect();
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.envelope("a@example.com", "b@example.com");
                smtp.data("lost");
                smtp.expectEof();
            }
            SmtpSession session = RuleSteps.endedSession(server, SessionEnd.CLOSED_BY_RULE);
            assertThat(session.messageCount()).isZero();
            assertThat(server.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void a421AtEndOfDataClosesAndCapturesNothing() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            server.on(Trigger.endOfData()).reply(421, "4.3.0 Crashed while queueing");
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.envelope("a@example.com", "b@example.com");
                smtp.data("lost");
                smtp.expectBytes("421 4.3.0 Crashed while queueing\r\n");
                smtp.expectEof();
            }
            RuleSteps.endedSession(server, SessionEnd.CLOSED_BY_RULE);
            assertThat(server.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void aDisconnectAtRcptCapturesNothing() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            server.on(Trigger.rcptTo("last@example.com")).disconnect();
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.envelope("a@example.com", "b@example.com");
                smtp.send("RCPT TO:<last@example.com>");
                smtp.expectEof();
            }
            RuleSteps.endedSession(server, SessionEnd.CLOSED_BY_RULE);
            assertThat(server.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void aResetAtEndOfDataCapturesNothing() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            server.on(Trigger.endOfData()).resetConnection();
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.envelope("a@example.com", "b@example.com");
                smtp.data("lost");
                smtp.expectClosed();
            }
            RuleSteps.endedSession(server, SessionEnd.CLOSED_BY_RULE);
            assertThat(server.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void aDelayAtEndOfDataThenProceedCapturesExactlyOnce() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Rule rule = server.on(Trigger.endOfData()).delay(Duration.ofMillis(200));
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.envelope("a@example.com", "b@example.com");
                smtp.data("slow").expect("250 2.0.0 ");
                smtp.send("QUIT").expect("221 ");
            }
            SmtpSession session = RuleSteps.endedSession(server, SessionEnd.QUIT);
            assertThat(session.messageCount()).isEqualTo(1);
            assertThat(server.mailbox().messages()).extracting(ReceivedMail::subject).containsExactly("slow");
            assertThat(rule.timesFired()).isEqualTo(1);
        }
    }

    @Test
    void aBlackHoleForOneRecipientDropsOnlyMessagesToIt() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.on(Trigger.endOfData(mail -> mail.envelope().recipients().contains("void@example.com"))).blackHole();
            smtp.envelope("a@example.com", "void@example.com");
            smtp.data("dropped").expect("250 2.0.0 ");
            smtp.envelope("a@example.com", "kept@example.com");
            smtp.data("kept").expect("250 2.0.0 ");
            assertThat(server.mailbox().messages()).extracting(ReceivedMail::subject).containsExactly("kept");
        }
    }
}
