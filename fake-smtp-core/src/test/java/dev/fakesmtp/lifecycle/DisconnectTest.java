package dev.fakesmtp.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.Violation;
import dev.fakesmtp.support.Eventually;
import dev.fakesmtp.support.SmtpDialogue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client that vanishes mid-transaction: nothing half-sent is captured, a transaction that
 * got its 250 is captured exactly once, and the session ends as CLIENT_DISCONNECTED with a
 * NO_QUIT violation. Once the session has ended the mailbox can no longer change, so the
 * "nothing captured" checks are made after waiting for the end.
 */
@Timeout(30)
class DisconnectTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void closeAfterMailCapturesNothing() {
        assertVanishingCapturesNothing(smtp -> smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0"));
    }

    @Test
    void closeAfterRcptCapturesNothing() {
        assertVanishingCapturesNothing(smtp -> {
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
        });
    }

    @Test
    void closeAfterDataCommandCapturesNothing() {
        assertVanishingCapturesNothing(smtp -> {
            openTransaction(smtp);
            smtp.send("DATA").expect("354 ");
        });
    }

    @Test
    void closeInTheMiddleOfDataCapturesNothing() {
        assertVanishingCapturesNothing(smtp -> {
            openTransaction(smtp);
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw("Subject: half\r\n\r\nhalf a message\r\n");
        });
    }

    @Test
    void closeAfterCrlfDotWithoutTheFinalCrlfCapturesNothing() {
        assertVanishingCapturesNothing(smtp -> {
            openTransaction(smtp);
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw("Subject: almost\r\n\r\nalmost\r\n.");
        });
    }

    @Test
    void closeInTheMiddleOfABdatChunkCapturesNothing() {
        assertVanishingCapturesNothing(smtp -> {
            openTransaction(smtp);
            smtp.send("BDAT 100 LAST").sendRaw("x".repeat(50));
        });
    }

    @Test
    void closeAfterANonLastBdatChunkCapturesNothing() {
        assertVanishingCapturesNothing(smtp -> {
            openTransaction(smtp);
            smtp.send("BDAT 5").sendRaw("hello").expect("250 2.0.0");
        });
    }

    @Test
    void transactionThatGotItsReplyIsCapturedExactlyOnceWithoutQuit() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                openTransaction(smtp);
                smtp.send("DATA").expect("354 ");
                smtp.sendRaw("Subject: kept\r\n\r\nkept\r\n.\r\n").expect("250 2.0.0");
            } // vanishes without QUIT
            SmtpSession session = awaitEnd(server);
            assertThat(session.end()).isEqualTo(SessionEnd.CLIENT_DISCONNECTED);
            assertThat(session.violations()).extracting(Violation::type).containsOnlyOnce(Violation.Type.NO_QUIT);
            assertThat(session.messageCount()).isEqualTo(1);
            List<ReceivedMail> mails = server.mailbox().messages();
            assertThat(mails).singleElement().satisfies(mail -> {
                assertThat(mail.rawText()).isEqualTo("Subject: kept\r\n\r\nkept\r\n");
                assertThat(mail.envelope().sessionId()).isEqualTo(session.id());
            });
        }
    }

    @Test
    void connectionResetAfterATransactionKeepsTheMessageAndRecordsNoQuit() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            SmtpDialogue smtp = SmtpDialogue.afterEhlo(server);
            openTransaction(smtp);
            smtp.send("BDAT 4 LAST").sendRaw("kept").expect("250 2.0.0");
            reset(smtp);
            SmtpSession session = awaitEnd(server);
            assertThat(session.end()).isEqualTo(SessionEnd.CLIENT_DISCONNECTED);
            assertThat(server.mailbox().messages()).extracting(ReceivedMail::rawText).containsExactly("kept");
            assertThat(session.violations()).extracting(Violation::type).contains(Violation.Type.NO_QUIT);
        }
    }

    @Test
    void connectionResetInTheMiddleOfDataCapturesNothing() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            SmtpDialogue smtp = SmtpDialogue.afterEhlo(server);
            openTransaction(smtp);
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw("Subject: reset\r\n\r\npartial");
            reset(smtp);
            SmtpSession session = awaitEnd(server);
            assertThat(session.end()).isEqualTo(SessionEnd.CLIENT_DISCONNECTED);
            assertThat(server.mailbox().messages()).isEmpty();
        }
    }

    /** The transcript is what a test reads to see why mail never came; the half-sent data belongs in it. */
    @Test
    void transcriptShowsTheDataThatArrivedBeforeTheClientVanished() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                openTransaction(smtp);
                smtp.send("DATA").expect("354 ");
                smtp.sendRaw("Subject: half\r\n\r\nhalf a message\r\n");
            }
            SmtpSession session = awaitEnd(server);
            assertThat(session.transcriptText()).contains("C: DATA", "C: Subject: half", "C: half a message");
        }
    }

    @Test
    void quitEndsTheSessionWithoutViolation() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send("QUIT").expect("221 2.0.0");
                smtp.expectClosed();
            }
            SmtpSession session = awaitEnd(server);
            assertThat(session.end()).isEqualTo(SessionEnd.QUIT);
            assertThat(session.endedAt()).isPresent();
            assertThat(session.violations()).isEmpty();
        }
    }

    /** Runs {@code steps}, closes the client (FIN) and checks the session's end and the mailbox. */
    private static void assertVanishingCapturesNothing(Consumer<SmtpDialogue> steps) {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                steps.accept(smtp);
            }
            SmtpSession session = awaitEnd(server);
            assertThat(server.mailbox().messages()).isEmpty();
            assertThat(session.messageCount()).isZero();
            assertThat(session.end()).isEqualTo(SessionEnd.CLIENT_DISCONNECTED);
            assertThat(session.endedAt()).isPresent();
            assertThat(session.violations()).as("violations; transcript:%n%s", session.transcriptText())
                    .extracting(Violation::type).containsOnlyOnce(Violation.Type.NO_QUIT);
        }
    }

    private static SmtpSession awaitEnd(FakeSmtpServer server) {
        Eventually.assertWithin(WAIT, () -> assertThat(server.sessions()).singleElement()
                .extracting(SmtpSession::end).isNotEqualTo(SessionEnd.OPEN));
        return server.sessions().get(0);
    }

    private static void openTransaction(SmtpDialogue smtp) {
        smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
        smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
    }

    /** Closes with SO_LINGER 0, which sends RST instead of FIN. */
    private static void reset(SmtpDialogue smtp) {
        try {
            smtp.socket().setSoLinger(true, 0);
            smtp.socket().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
