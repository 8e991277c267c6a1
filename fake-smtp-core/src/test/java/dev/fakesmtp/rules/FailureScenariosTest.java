package dev.fakesmtp.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.Rule;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.TranscriptLine;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The one-line scenarios of {@code server.scenarios()}: greylisting, a full mailbox (for now
 * and for good), a server down for N connections, and a slow server.
 */
@Timeout(20)
class FailureScenariosTest {

    @Test
    void greylistingRefusesTheFirstAttemptOfEachPairAndAcceptsItsRetry() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Rule rule = server.scenarios().greylisting();
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
                smtp.send("RCPT TO:<bob@example.com>");
                smtp.expectBytes("451 4.7.1 Greylisted, please try again later\r\n");
                smtp.send("RSET").expect("250 ");
            }
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                // The retry of the same pair, in a new transaction on a new connection, is accepted.
                smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
                smtp.send("RCPT TO:<Bob@Example.com>").expect("250 2.1.5 ");
                // Another pair is greylisted again: another recipient, or the same one from another sender.
                smtp.send("RCPT TO:<carol@example.com>").expect("451 4.7.1 ");
                smtp.data("after greylisting").expect("250 2.0.0 ");
                smtp.send("MAIL FROM:<z@example.com>").expect("250 ");
                smtp.send("RCPT TO:<bob@example.com>").expect("451 4.7.1 ");
            }
            ReceivedMail mail = server.mailbox().awaitMessages(1, RuleSteps.WAIT).get(0);
            assertThat(mail.envelope().recipients()).containsExactly("Bob@Example.com");
            assertThat(rule.timesFired()).isEqualTo(3);
            assertThat(server.rules()).containsExactly(rule);
        }
    }

    @Test
    void mailboxFullIsATemporary452ForThatAddressOnly() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.scenarios().mailboxFull("bob@example.com");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
            smtp.send("RCPT TO:<bob@example.com>");
            smtp.expectBytes("452 4.2.2 Mailbox full: bob@example.com\r\n");
            smtp.send("RCPT TO:<carol@example.com>").expect("250 ");
            smtp.data("for carol").expect("250 ");
            assertThat(server.mailbox().awaitMessages(1, RuleSteps.WAIT).get(0).envelope().recipients())
                    .containsExactly("carol@example.com");
        }
    }

    @Test
    void mailboxFullPermanentlyIsA552() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Rule rule = server.scenarios().mailboxFullPermanently("bob@example.com");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
            smtp.send("RCPT TO:<bob@example.com>");
            smtp.expectBytes("552 5.2.2 Mailbox full: bob@example.com\r\n");
            smtp.send("RCPT TO:<bob@example.com>").expect("552 5.2.2 "); // for good
            assertThat(rule.timesFired()).isEqualTo(2);
        }
    }

    @Test
    void unavailableForTwoConnectionsThenUp() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().hostname("mx.test").build().start()) {
            Rule rule = server.scenarios().unavailableFor(2);
            for (int i = 0; i < 2; i++) {
                try (SmtpDialogue smtp = SmtpDialogue.connect(server)) {
                    smtp.expectBytes("421 4.3.2 mx.test Service not available, try again later\r\n");
                    smtp.expectEof();
                }
            }
            try (SmtpDialogue smtp = SmtpDialogue.connect(server)) {
                smtp.expect("220 mx.test ");
                smtp.send("QUIT").expect("221 ");
            }
            assertThat(rule.timesFired()).isEqualTo(2);
            assertThat(server.sessions()).extracting(session -> session.end()).containsExactly(
                    SessionEnd.CLOSED_BY_RULE, SessionEnd.CLOSED_BY_RULE, SessionEnd.QUIT);
        }
    }

    @Test
    void slowDelaysEveryCommandButAnswersNormally() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Rule rule = server.scenarios().slow(Duration.ofMillis(200));
            try (SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
                smtp.send("EHLO client.test").expect("250 ");
                smtp.send("NOOP").expect("250 2.0.0 OK");
                smtp.send("QUIT").expect("221 ");
            }
            assertThat(rule.timesFired()).isEqualTo(3);
            assertThat(rule.description()).contains("every reply").contains("delay PT0.2S then proceed");
        }
    }

    /**
     * The reply after the message is the one a client's timeout most needs testing against: it
     * is late too, once, also for BDAT LAST. The transcript shows each delay as a note, before
     * the reply it held back, and its server lines are exactly what the client read.
     */
    @Test
    void slowDelaysTheReplyAfterTheMessageOnceAndNotesEachDelayWithoutPosingAsAReply() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Rule rule = server.scenarios().slow(Duration.ofMillis(50));
            List<String> read = new ArrayList<>();
            try (SmtpDialogue smtp = SmtpDialogue.connect(server)) {
                read.addAll(smtp.expect("220 "));
                read.addAll(smtp.send("EHLO client.test").expect("250 "));
                read.addAll(smtp.send("MAIL FROM:<a@example.com>").expect("250 "));
                read.addAll(smtp.send("RCPT TO:<b@example.com>").expect("250 "));
                read.addAll(smtp.send("DATA").expect("354 "));
                read.addAll(smtp.sendRaw("Subject: slow\r\n\r\nHello.\r\n.\r\n").expect("250 2.0.0"));
                read.addAll(smtp.send("MAIL FROM:<a@example.com>").expect("250 "));
                read.addAll(smtp.send("RCPT TO:<b@example.com>").expect("250 "));
                read.addAll(smtp.send("BDAT 10").sendRaw("Subject: x").expect("250 "));
                read.addAll(smtp.send("BDAT 4 LAST").sendRaw("\r\n\r\n").expect("250 2.0.0"));
                read.addAll(smtp.send("QUIT").expect("221 "));
            }
            SmtpSession session = server.sessions().get(0);
            session.awaitEnd(RuleSteps.WAIT);
            List<TranscriptLine> transcript = session.transcript();

            assertThat(rule.timesFired()).as("one delay per reply after the greeting").isEqualTo(10);
            assertThat(transcript).filteredOn(line -> line.direction() == TranscriptLine.Direction.SERVER)
                    .extracting(TranscriptLine::text).as("the server lines are what went over the wire")
                    .containsExactlyElementsOf(read);
            List<TranscriptLine> notes = transcript.stream()
                    .filter(line -> line.direction() == TranscriptLine.Direction.NOTE).toList();
            assertThat(notes).hasSize(10).allSatisfy(note -> {
                assertThat(note.text()).isEqualTo("(delayed PT0.05S)");
                assertThat(note.causedBy()).contains(rule.description());
                assertThat(note.isOnTheWire()).isFalse();
                assertThat(note.toString()).startsWith("-- (delayed PT0.05S)   <- rule #1");
            });
            int dot = indexOf(transcript, TranscriptLine.Direction.CLIENT, ".");
            assertThat(transcript.get(dot + 1).direction()).as("after the final dot").isEqualTo(TranscriptLine.Direction.NOTE);
            assertThat(transcript.get(dot + 2).text()).startsWith("250 2.0.0");
            int last = indexOf(transcript, TranscriptLine.Direction.CLIENT, "BDAT 4 LAST");
            int reply = last;
            while (transcript.get(reply).direction() != TranscriptLine.Direction.SERVER) {
                reply++;
            }
            assertThat(transcript.get(reply).text()).startsWith("250 2.0.0 OK");
            assertThat(transcript.subList(last, reply)).as("from BDAT LAST to its reply").extracting(TranscriptLine::direction)
                    .containsOnlyOnce(TranscriptLine.Direction.NOTE).endsWith(TranscriptLine.Direction.NOTE);
        }
    }

    private static int indexOf(List<TranscriptLine> transcript, TranscriptLine.Direction direction, String text) {
        for (int i = 0; i < transcript.size(); i++) {
            if (transcript.get(i).direction() == direction && transcript.get(i).text().equals(text)) {
                return i;
            }
        }
        throw new AssertionError("No " + direction + " line '" + text + "' in " + transcript);
    }

    @Test
    void scenariosAreOrdinaryRulesThatCanBeRemoved() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Rule down = server.scenarios().unavailableFor(1000);
            Rule full = server.scenarios().mailboxFull("bob@example.com");
            assertThat(server.rules()).containsExactly(down, full);
            down.remove();
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
                smtp.send("RCPT TO:<bob@example.com>").expect("452 4.2.2 ");
            }
            server.on(Trigger.noop()).reply(250, "2.0.0 extra");
            assertThat(server.rules()).hasSize(2).contains(full);
        }
    }
}
