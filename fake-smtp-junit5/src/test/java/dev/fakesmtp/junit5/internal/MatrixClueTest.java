package dev.fakesmtp.junit5.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FailureCase;
import dev.fakesmtp.FailureCatalog;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The clue a failed matrix run prints ("after `S: 550 ...` (session 2) the client went on with
 * ..."), read from real transcripts: which line the case caused, in which session, and what the
 * client did next. A user reads this sentence to find their bug, so every part of it is pinned.
 */
@Timeout(30)
class MatrixClueTest {

    private static final FailureCase SENDER_REJECTED = FailureCatalog.byId("mail-550-sender-rejected");
    private static final String CAUSED = "`S: 550 5.7.1 Sender address rejected: Access denied`";

    private FakeSmtpServer server;

    @BeforeEach
    void start() {
        server = FakeSmtpServer.builder().build().start();
        SENDER_REJECTED.applyTo(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theClientThatGoesOnWithATransactionInTheSameSessionIsNamedWithThatCommand() {
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>").expect("550 ");
            smtp.send("NOOP").expect("250 "); // not a transaction: the clue looks past it
            smtp.send("DATA").expect("503 ");
            smtp.send("QUIT").expect("221 ");
        }
        assertThat(clue()).isEqualTo("after " + CAUSED + " (session 1) the client went on with `C: DATA` (session 1)");
    }

    @Test
    void theNextTransactionInALaterSessionIsNamedWithItsSession() {
        try (SmtpDialogue quiet = SmtpDialogue.afterEhlo(server)) {
            quiet.send("NOOP").expect("250 ");
            quiet.send("QUIT").expect("221 ");
        }
        try (SmtpDialogue failing = SmtpDialogue.afterEhlo(server)) {
            failing.send("MAIL FROM:<a@example.com>").expect("550 ");
            failing.send("QUIT").expect("221 ");
        }
        try (SmtpDialogue again = SmtpDialogue.afterEhlo(server)) {
            again.send("MAIL FROM:<b@example.com>").expect("550 ");
        }
        assertThat(clue()).isEqualTo("after " + CAUSED + " (session 2) the client's next transaction:"
                + " `C: MAIL FROM:<b@example.com>` (session 3)");
    }

    @Test
    void aClientThatSendsNoMailAfterTheFailureIsNamedWithItsFirstCommand() {
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>").expect("550 ");
            smtp.send("RSET").expect("250 ");
            smtp.send("QUIT").expect("221 ");
        }
        assertThat(clue()).isEqualTo("after " + CAUSED + " (session 1) the client sent `C: RSET` (session 1)"
                + " and no mail after it");
    }

    @Test
    void aClientThatSendsNothingMoreIsToldSo() {
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>").expect("550 ");
        }
        awaitSessionsEnded();
        assertThat(clue()).isEqualTo("after " + CAUSED + " (session 1) the client sent nothing more");
    }

    @Test
    void onlyTheCasesOwnLinesCountNotThoseOfOtherRules() {
        server.on(Trigger.ehlo()).named("the test's own rule").reply(421, "4.3.2 Not today");
        try (SmtpDialogue refused = SmtpDialogue.greeted(server)) {
            refused.send("EHLO client.test").expect("421 ");
        }
        assertThat(clue()).isEqualTo("the transcripts no longer show the failure (the server was reset)");
    }

    @Test
    void aLongCommandIsCutAtAHundredCharacters() {
        String exactly = "NOOP " + "x".repeat(92); // "C: " + 97 = 100 characters: shown whole
        String longer = "NOOP " + "y".repeat(93); // 101: cut
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>").expect("550 ");
            smtp.send(exactly).expect("250 ");
            smtp.send("QUIT").expect("221 ");
        }
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send(longer).expect("250 ");
            smtp.send("QUIT").expect("221 ");
        }
        assertThat(clue()).isEqualTo("after " + CAUSED + " (session 1) the client sent `C: " + exactly + "` (session 1)"
                + " and no mail after it");
        server.reset();
        SENDER_REJECTED.applyTo(server);
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>").expect("550 ");
            smtp.send(longer).expect("250 ");
            smtp.send("QUIT").expect("221 ");
        }
        assertThat(clue()).isEqualTo("after " + CAUSED + " (session 1) the client sent `"
                + ("C: " + longer).substring(0, 100) + "...` (session 1) and no mail after it");
    }

    @Test
    void aCaseThatNeverFiredSaysWhatTheClientNeverDid() {
        assertThat(MatrixClue.neverHappened(FailureCatalog.byId("auth-535-credentials-invalid")))
                .isEqualTo("the client never sent AUTH (does it log in?)");
        assertThat(MatrixClue.neverHappened(FailureCatalog.byId("bdat-451-chunk-refused")))
                .isEqualTo("the client never sent BDAT (it does not use CHUNKING)");
        assertThat(MatrixClue.neverHappened(FailureCatalog.byId("starttls-454-tls-unavailable")))
                .isEqualTo("the client never sent STARTTLS");
        assertThat(MatrixClue.neverHappened(FailureCatalog.byId("rcpt-550-one-of-several")))
                .isEqualTo("the client never sent a second recipient in one transaction");
        assertThat(MatrixClue.neverHappened(FailureCatalog.byId("rcpt-452-too-many-recipients")))
                .isEqualTo("the client never sent a second recipient in one transaction");
        assertThat(MatrixClue.neverHappened(FailureCatalog.byId("rcpt-550-user-unknown")))
                .isEqualTo("the client never reached RCPT");
        assertThat(MatrixClue.neverHappened(FailureCatalog.byId("data-451-before-354")))
                .isEqualTo("the client never reached DATA");
    }

    private String clue() {
        awaitSessionsEnded();
        return MatrixClue.whereTheClientWentWrong(SENDER_REJECTED, server);
    }

    /** The transcripts are whole once every session has ended (each dialogue above hangs up). */
    private void awaitSessionsEnded() {
        for (SmtpSession session : server.sessions()) {
            session.awaitEnd(Duration.ofSeconds(10));
        }
    }
}
