package dev.fakesmtp.assertj;

import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.Violation;
import dev.fakesmtp.support.SmtpDialogue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Session and server assertions against a real server and a raw client. */
@Timeout(10)
class SessionAssertTest {

    private final FakeSmtpServer server = FakeSmtpServer.builder().build().start();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void aCleanSession() {
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            deliver(smtp, "\r\n");
            smtp.send("noop").expect("250");
            smtp.send("QUIT").expect("221 ");
            smtp.expectClosed();
        }
        SmtpSession session = server.sessions().get(0);

        assertThat(session).hasNoViolations().hasReply("250 2.0.0").hasReply("221").hasCommand("mail from:")
                .transcriptContains("RCPT TO:<bob@example.com>").hasMessageCount(1).endedWithQuit()
                .hasEnded(SessionEnd.QUIT).hasMessageCount(1);
        assertThat(server).hasNoViolations().hasSessionCount(1).singleSession().hasMessageCount(1).hasNoViolations();
        assertThat(server).lastSession().hasMessageCount(1).hasCommand("QUIT");
        assertThat(server).mailbox().singleMessage().hasSubject("Hi");

        assertThatThrownBy(() -> assertThat(session).hasReply("554"))
                .hasMessageStartingWith("Expecting session s1 to have a server reply starting with \"554\", but it has"
                        + " none.\nTranscript of session s1:\n  S: 220 ")
                .hasMessageContaining("\n  C: QUIT\n  S: 221 ");
        assertThat(session).hasCommand("NOOP");
        assertThatThrownBy(() -> assertThat(session).hasReply("MAIL FROM"))
                .hasMessageStartingWith("Expecting session s1 to have a server reply starting with \"MAIL FROM\"");
        assertThatThrownBy(() -> assertThat(session).hasViolation(Violation.Type.BARE_LF))
                .hasMessageStartingWith("Expecting session s1 to have a BARE_LF violation, but it has none.\n");
        assertThatThrownBy(() -> assertThat(server).hasSessionCount(2))
                .hasMessage("Expecting 2 sessions, but the server has 1.");
        assertThatThrownBy(() -> assertThat(session).hasMessageCount(2))
                .hasMessageStartingWith("Expecting session s1 to have delivered 2 messages, but it delivered 1.\n"
                        + "Transcript of session s1:");
        assertThatThrownBy(() -> assertThat(session).transcriptContains("STARTTLS"))
                .hasMessageStartingWith("Expecting the transcript of session s1 to contain \"STARTTLS\", but it does not.");
        assertThatThrownBy(() -> assertThat(session).hasCommand("STARTTLS"))
                .hasMessageStartingWith("Expecting session s1 to have a client command starting with \"STARTTLS\"");
    }

    @Test
    void violationsAreShownWithTheTranscript() {
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            // The server records the violation when it reads the line, so it is there once the reply is.
            smtp.sendRaw("NOOP\n").expect("250");
            SmtpSession session = server.sessions().get(0);

            assertThat(session).hasViolation(Violation.Type.BARE_LF).hasEnded(SessionEnd.OPEN).hasViolation(Violation.Type.BARE_LF);
            assertThatThrownBy(() -> assertThat(session).hasNoViolations())
                    .hasMessageStartingWith("Expecting session s1 to have no protocol violations, but the client"
                            + " committed 1 violation:\n  BARE_LF: Command line ended in a bare LF: NOOP\n"
                            + "Transcript of session s1:\n  S: 220 ")
                    .hasMessageContaining("\n  C: NOOP\n  S: 250 ");
            assertThatThrownBy(() -> assertThat(session).hasViolation(Violation.Type.NO_QUIT))
                    .hasMessageStartingWith("Expecting session s1 to have a NO_QUIT violation, but it has [BARE_LF:");
            assertThatThrownBy(() -> assertThat(session).endedWithQuit())
                    .hasMessageStartingWith("Expecting session s1 to have ended with QUIT, but its state is OPEN.");
            assertThatThrownBy(() -> assertThat(server).hasNoViolations())
                    .hasMessageStartingWith("Expecting no protocol violations, but the client committed some in 1"
                            + " session:\n\nSession s1: [BARE_LF: Command line ended in a bare LF: NOOP]\n"
                            + "Transcript of session s1:");
        }
    }

    @Test
    void aLongTranscriptIsShownByItsEnd() {
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            for (int i = 0; i < 25; i++) {
                smtp.send("NOOP " + i).expect("250");
            }
        }
        SmtpSession session = server.sessions().get(0);

        assertThatThrownBy(() -> assertThat(session).hasReply("554"))
                .hasMessageContaining("\nTranscript of session s1 (last 40 lines):\n  C: NOOP 5\n")
                .hasMessageNotContaining("NOOP 4\n")
                .hasMessageEndingWith("  C: NOOP 24\n  S: 250 2.0.0 OK");
    }

    @Test
    void navigationToSessionsSaysWhenThereAreNone() {
        assertThatThrownBy(() -> assertThat(server).lastSession())
                .hasMessage("Expecting a session, but no client has connected to " + server + ".");
        assertThatThrownBy(() -> assertThat(server).singleSession())
                .hasMessage("Expecting a single session, but the server has 0: []");
    }

    private void deliver(SmtpDialogue smtp, String end) {
        smtp.send("MAIL FROM:<shop@example.com>").expect("250 ");
        smtp.send("RCPT TO:<bob@example.com>").expect("250 ");
        smtp.send("DATA").expect("354 ");
        smtp.sendRaw("Date: Thu, 26 Nov 2026 10:00:00 +0000\r\nFrom: shop@example.com\r\n"
                + "Message-ID: <1@example.com>\r\nSubject: Hi\r\n\r\nHello" + end + ".\r\n").expect("250 2.0.0");
    }
}
