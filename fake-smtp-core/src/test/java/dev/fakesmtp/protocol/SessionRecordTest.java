package dev.fakesmtp.protocol;

import static dev.fakesmtp.protocol.DialogueSteps.sendData;
import static dev.fakesmtp.protocol.DialogueSteps.startServer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.TranscriptLine;
import dev.fakesmtp.TranscriptLine.Direction;
import dev.fakesmtp.Violation;
import dev.fakesmtp.support.SmtpDialogue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What {@code server.sessions()} records of a dialogue: transcript, HELO name, end, violations. */
@Timeout(10)
class SessionRecordTest {

    @Test
    void transcriptRecordsEveryLineInAndOutInOrder() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().hostname("mail.test").build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("NOOP").expect("250 2.0.0 ");
            smtp.send("QUIT").expect("221 2.0.0 ");
            smtp.expectClosed();
            SmtpSession session = server.sessions().get(0);
            assertThat(session.transcript()).extracting(TranscriptLine::toString).startsWith(
                    "S: 220 mail.test ESMTP fake-smtp ready",
                    "C: EHLO client.test",
                    "S: 250-mail.test Hello client.test");
            assertThat(session.transcript()).extracting(TranscriptLine::toString).endsWith(
                    "C: NOOP", "S: 250 2.0.0 OK", "C: QUIT", "S: 221 2.0.0 mail.test Service closing transmission channel");
            assertThat(session.transcript().get(1).direction()).isEqualTo(Direction.CLIENT);
            assertThat(session.transcriptText()).contains("C: EHLO client.test\nS: 250-mail.test Hello client.test\n");
        }
    }

    /**
     * Message content is kept compactly and decoded only when the transcript is read: what a test
     * reads must be the lines as they arrived, UTF-8 included, up to the transcript's data limit,
     * each line stamped no earlier than the DATA command before it.
     */
    @Test
    void transcriptShowsTheMessagesHeadDecodedAsUtf8AndHowMuchWasLeftOut() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().transcriptDataLimit(40).build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com> BODY=8BITMIME").expect("250 ");
            smtp.send("RCPT TO:<b@example.com>").expect("250 ");
            smtp.send("DATA").expect("354 ");
            // 18 + 2 + 13 octets of whole lines (ü, ß and é are two each), then 7 of the x line: 40 shown.
            smtp.sendRaw("Subject: grüße\r\n\r\nline two é\r\n" + "x".repeat(100) + "\r\n.\r\n").expect("250 ");
            SmtpSession session = server.sessions().get(0);
            List<TranscriptLine> lines = session.transcript();
            List<String> shown = lines.stream().map(TranscriptLine::toString).toList();
            int data = shown.indexOf("C: DATA");
            assertThat(shown.subList(data + 2, data + 8)).containsExactly("C: Subject: grüße", "C: ", "C: line two é",
                    "C: xxxxxxx", "C: ... (95 more octets of message content)", "C: .");
            assertThat(lines.get(data + 2).time()).isAfterOrEqualTo(lines.get(data).time());
            assertThat(lines.get(data + 4).direction()).isEqualTo(Direction.CLIENT);
            assertThat(lines.get(data + 4).causedBy()).isEmpty();
        }
    }

    @Test
    void quitEndsTheSessionAsQuitWithoutViolations() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            assertThat(server.sessions().get(0).end()).isEqualTo(SessionEnd.OPEN);
            assertThat(server.sessions().get(0).endedAt()).isEmpty();
            smtp.send("QUIT").expect("221 ");
            smtp.expectClosed();
            SmtpSession session = server.sessions().get(0);
            assertThat(session.end()).isEqualTo(SessionEnd.QUIT);
            assertThat(session.endedAt()).isPresent();
            assertThat(session.violations()).isEmpty();
        }
    }

    @Test
    void heloNameIsTheLastOneGiven() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            assertThat(server.sessions().get(0).heloName()).isEmpty();
            smtp.send("HELO first.test").expect("250 ");
            assertThat(server.sessions().get(0).heloName()).contains("first.test");
            smtp.send("EHLO second.test").expect("250 ");
            assertThat(server.sessions().get(0).heloName()).contains("second.test");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0 ");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5 ");
            assertThat(sendData(server, smtp).envelope().heloName()).isEqualTo("second.test");
        }
    }

    @Test
    void a503IsRecordedAsCommandOutOfSequence() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("RCPT TO:<b@example.com>").expect("503 5.5.1 ");
            smtp.send("DATA").expect("503 5.5.1 ");
            assertThat(server.sessions().get(0).violations()).extracting(Violation::type).containsExactly(
                    Violation.Type.COMMAND_OUT_OF_SEQUENCE, Violation.Type.COMMAND_OUT_OF_SEQUENCE);
            assertThat(server.sessions().get(0).violations().get(0).detail()).contains("RCPT");
        }
    }

    @Test
    void otherErrorsAreNotSequenceViolations() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("BOGUS").expect("500 5.5.2 ");
            smtp.send("MAIL FROM:<a@example.com> FOO=1").expect("555 5.5.4 ");
            smtp.send("MAIL FROM:<bad>").expect("501 5.1.7 ");
            assertThat(server.sessions().get(0).violations()).isEmpty();
        }
    }

    @Test
    void eachConnectionIsItsOwnSessionAndItsMailsCarryItsId() {
        try (FakeSmtpServer server = startServer();
             SmtpDialogue first = SmtpDialogue.afterEhlo(server);
             SmtpDialogue second = SmtpDialogue.afterEhlo(server)) {
            for (SmtpDialogue smtp : new SmtpDialogue[] {first, second, first}) {
                smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0 ");
                smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5 ");
                sendData(server, smtp);
            }
            assertThat(server.sessions()).hasSize(2);
            SmtpSession firstSession = server.sessions().get(0);
            assertThat(firstSession.messageCount()).isEqualTo(2);
            assertThat(server.sessions().get(1).messageCount()).isEqualTo(1);
            ReceivedMail third = server.mailbox().messages().get(2);
            assertThat(third.envelope().sessionId()).isEqualTo(firstSession.id());
            assertThat(third.envelope().transactionIndex()).isEqualTo(2);
            assertThat(server.sessions().get(1).id()).isNotEqualTo(firstSession.id());
        }
    }
}
