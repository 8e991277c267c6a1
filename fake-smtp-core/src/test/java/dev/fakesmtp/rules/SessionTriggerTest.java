package dev.fakesmtp.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Rule;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.support.SmtpDialogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Triggers around the session rather than the mail transaction: the connection (before the
 * greeting), EHLO/HELO, STARTTLS, AUTH (any user or one user) and QUIT, each checked on the wire.
 */
@Timeout(20)
class SessionTriggerTest {

    @Test
    void connectTriggerReplacesTheGreetingAndTheSessionGoesOn() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Rule rule = server.on(Trigger.connect()).reply(220, "mx.example.com ESMTP Postfix (Debian)");
            try (SmtpDialogue smtp = SmtpDialogue.connect(server)) {
                smtp.expectBytes("220 mx.example.com ESMTP Postfix (Debian)\r\n");
                smtp.send("EHLO client.test").expect("250 ");
                smtp.send("NOOP").expect("250 2.0.0 OK");
            }
            assertThat(rule.timesFired()).isEqualTo(1);
        }
    }

    @Test
    void connectTriggerCanRefuseServiceWith554AndStillAnswerQuit() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().hostname("mx.test").build().start()) {
            server.on(Trigger.connect()).reply(554, "5.3.2 No SMTP service here");
            try (SmtpDialogue smtp = SmtpDialogue.connect(server)) {
                smtp.expectBytes("554 5.3.2 No SMTP service here\r\n");
                smtp.send("QUIT").expect("221 2.0.0 mx.test ");
            }
        }
    }

    @Test
    void connectTriggerWith421ClosesBeforeAnyCommand() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            server.on(Trigger.connect()).reply(421, "4.3.2 Too busy");
            try (SmtpDialogue smtp = SmtpDialogue.connect(server)) {
                smtp.expectBytes("421 4.3.2 Too busy\r\n");
                smtp.expectEof();
            }
            RuleSteps.endedSession(server, SessionEnd.CLOSED_BY_RULE);
        }
    }

    @Test
    void ehloTriggerMatchesEhloAndHelo() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Rule rule = server.on(Trigger.ehlo()).reply(550, "5.7.1 Go away");
            try (SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
                smtp.send("EHLO client.test");
                smtp.expectBytes("550 5.7.1 Go away\r\n");
                smtp.send("HELO client.test");
                smtp.expectBytes("550 5.7.1 Go away\r\n");
                smtp.send("MAIL FROM:<a@example.com>").expect("503 5.5.1 "); // EHLO never succeeded
            }
            assertThat(rule.timesFired()).isEqualTo(2);
        }
    }

    @Test
    void startTlsTriggerCanRefuseTlsAndTheClientGoesOnInClearText() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start()) {
            server.on(Trigger.startTls()).reply(454, "4.7.0 TLS not available due to temporary reason");
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send("STARTTLS");
                smtp.expectBytes("454 4.7.0 TLS not available due to temporary reason\r\n");
                smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
            }
            assertThat(server.sessions().get(0).tls()).isEmpty();
        }
    }

    @Test
    void authTriggerAnswersTheVerdictOfAnyUser() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().credentials("alice", "secret").build().start()) {
            Rule rule = server.on(Trigger.auth()).once().reply(454, "4.7.0 Temporary authentication failure");
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send(SmtpDialogue.authPlain("alice", "secret"));
                smtp.expectBytes("454 4.7.0 Temporary authentication failure\r\n");
                smtp.send(SmtpDialogue.authPlain("alice", "secret")).expect("235 2.7.0 ");
            }
            assertThat(rule.timesFired()).isEqualTo(1);
            assertThat(rule.timesMatched()).isEqualTo(2);
        }
    }

    @Test
    void authTriggerForOneUserLeavesOtherUsersAlone() {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                .credentials("alice", "secret").credentials("bob", "pw").build().start()) {
            Rule rule = server.on(Trigger.auth("alice")).reply(535, "5.7.8 Account locked");
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send(SmtpDialogue.authPlain("alice", "secret"));
                smtp.expectBytes("535 5.7.8 Account locked\r\n");
            }
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send(SmtpDialogue.authPlain("bob", "pw")).expect("235 2.7.0 ");
            }
            assertThat(rule.timesFired()).isEqualTo(1);
            assertThat(rule.timesMatched()).isEqualTo(1);
            assertThat(server.sessions().get(0).authentication()).isEmpty();
        }
    }

    @Test
    void quitTriggerCanDropTheConnectionWithout221() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Rule rule = server.on(Trigger.quit()).disconnect();
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send("QUIT");
                smtp.expectEof();
            }
            SmtpSession session = RuleSteps.endedSession(server, SessionEnd.CLOSED_BY_RULE);
            assertThat(RuleSteps.ruleLines(session)).singleElement()
                    .satisfies(line -> assertThat(line.text()).isEqualTo("(connection closed without a reply)"))
                    .satisfies(line -> assertThat(line.causedBy()).contains(rule.description()));
        }
    }

    @Test
    void quitTriggerCanAnswerSomethingElseAndKeepTheConnection() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            server.on(Trigger.quit()).once().reply(500, "5.5.2 Say it again");
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send("QUIT");
                smtp.expectBytes("500 5.5.2 Say it again\r\n");
                smtp.send("QUIT").expect("221 2.0.0 ");
                smtp.expectClosed();
            }
            RuleSteps.endedSession(server, SessionEnd.QUIT);
        }
    }
}
