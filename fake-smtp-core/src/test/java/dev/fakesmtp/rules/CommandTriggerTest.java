package dev.fakesmtp.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Rule;
import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.support.SmtpDialogue;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Command triggers: MAIL and RCPT (any, exact ignoring case, whole-pattern, predicate), DATA,
 * RSET, VRFY, EXPN, NOOP, HELP by {@code command(verb)}, and {@code anyCommand()}; the exact
 * bytes of each rule's reply, and the unmatched commands answered as usual.
 */
@Timeout(20)
class CommandTriggerTest {

    @Test
    void mailFromAnySender() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.on(Trigger.mailFrom()).reply(451, "4.3.0 Sender check unavailable");
            smtp.send("MAIL FROM:<>");
            smtp.expectBytes("451 4.3.0 Sender check unavailable\r\n");
        }
    }

    @Test
    void mailFromOneSenderIgnoringCase() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.on(Trigger.mailFrom("spam@example.com")).reply(550, "5.7.1 Sender blocked");
            smtp.send("MAIL FROM:<Spam@Example.COM>");
            smtp.expectBytes("550 5.7.1 Sender blocked\r\n");
            smtp.send("MAIL FROM:<ham@example.com>").expect("250 2.1.0 Sender <ham@example.com> OK");
        }
    }

    @Test
    void mailFromPatternMustMatchTheWholeAddress() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Rule rule = server.on(Trigger.mailFrom(Pattern.compile(".*@blocked\\.test"))).reply(550, "5.7.1 Domain blocked");
            smtp.send("MAIL FROM:<x@blocked.test.example>").expect("250 ");
            smtp.send("RSET").expect("250 ");
            smtp.send("MAIL FROM:<x@blocked.test>");
            smtp.expectBytes("550 5.7.1 Domain blocked\r\n");
            assertThat(rule.description()).contains("MAIL FROM matching /.*@blocked\\.test/");
        }
    }

    @Test
    void mailFromPredicate() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Rule rule = server.on(Trigger.mailFrom("a sender with digits", s -> s.matches(".*\\d.*")))
                    .reply(553, "5.1.7 Suspicious sender");
            smtp.send("MAIL FROM:<bot42@example.com>");
            smtp.expectBytes("553 5.1.7 Suspicious sender\r\n");
            smtp.send("MAIL FROM:<person@example.com>").expect("250 ");
            assertThat(rule.description()).contains("a sender with digits");
        }
    }

    @Test
    void rcptToExactPatternAndPredicate() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.on(Trigger.rcptTo("bob@example.com")).reply(550, "5.1.1 No such user");
            server.on(Trigger.rcptTo(Pattern.compile("[^@]+@relay\\.test"))).reply(551, "5.1.6 User not local");
            server.on(Trigger.rcptTo("a long local part", r -> r.indexOf('@') > 20)).reply(553, "5.1.3 Too long");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
            smtp.send("RCPT TO:<BOB@example.com>");
            smtp.expectBytes("550 5.1.1 No such user\r\n");
            smtp.send("RCPT TO:<carol@relay.test>");
            smtp.expectBytes("551 5.1.6 User not local\r\n");
            smtp.send("RCPT TO:<abcdefghijklmnopqrstuvwxyz@example.com>");
            smtp.expectBytes("553 5.1.3 Too long\r\n");
            smtp.send("RCPT TO:<dave@example.com>").expect("250 2.1.5 Recipient <dave@example.com> OK");
        }
    }

    @Test
    void anAddressTriggerFindsTheBracketedAddressInASloppyCommand() {
        // The trigger looks for the first <...> wherever it is, so a scripted failure still
        // reaches a client that writes its RCPT badly (the server would refuse it with 501).
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Rule rule = server.on(Trigger.rcptTo("bob@example.com")).reply(550, "5.1.1 No such user");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
            smtp.send("RCPT <bob@example.com>").expect("550 5.1.1 No such user");
            smtp.send("RCPT TO:><bob@example.com>").expect("550 5.1.1 No such user");
            smtp.send("RCPT TO:bob@example.com").expect("501 "); // no brackets: no address to match
            assertThat(rule.timesFired()).isEqualTo(2);
        }
    }

    @Test
    void aTriggerPrintsAsItsDescription() {
        // As a user sees it in a parameterized test's name or an assertion message.
        Trigger trigger = Trigger.rcptTo("bob@example.com");
        assertThat(trigger).hasToString("RCPT TO <bob@example.com>").hasToString(trigger.description());
    }

    @Test
    void rcptToAnyRecipient() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Rule rule = server.on(Trigger.rcptTo()).reply(450, "4.2.1 Try later");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
            smtp.send("RCPT TO:<one@example.com>").expect("450 4.2.1 Try later");
            smtp.send("RCPT TO:<two@example.com>").expect("450 4.2.1 Try later");
            assertThat(rule.timesFired()).isEqualTo(2);
        }
    }

    @Test
    void dataTriggerAnswersInsteadOf354() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.on(Trigger.data()).once().reply(451, "4.3.0 Queue full");
            smtp.envelope("a@example.com", "b@example.com");
            smtp.send("DATA");
            smtp.expectBytes("451 4.3.0 Queue full\r\n");
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw("Subject: second try\r\n\r\nx\r\n.\r\n").expect("250 2.0.0 ");
            assertThat(server.mailbox().messages()).singleElement()
                    .satisfies(mail -> assertThat(mail.subject()).isEqualTo("second try"));
        }
    }

    @Test
    void rsetVrfyExpnAndNoopTriggers() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.on(Trigger.rset()).reply(421, "4.3.0 RSET hurts");
            server.on(Trigger.vrfy()).reply(502, "5.5.1 VRFY disabled");
            server.on(Trigger.expn()).reply(252, "2.1.5 Not telling");
            server.on(Trigger.noop()).reply(250, "2.0.0 Still here");
            smtp.send("VRFY bob");
            smtp.expectBytes("502 5.5.1 VRFY disabled\r\n");
            smtp.send("EXPN staff");
            smtp.expectBytes("252 2.1.5 Not telling\r\n");
            smtp.send("NOOP");
            smtp.expectBytes("250 2.0.0 Still here\r\n");
            smtp.send("RSET");
            smtp.expectBytes("421 4.3.0 RSET hurts\r\n");
            smtp.expectEof();
        }
    }

    @Test
    void commandByVerbIgnoresCaseAndCanAnswerMultiLine() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Rule rule = server.on(Trigger.command("help"))
                    .reply(SmtpReply.of(214, "2.0.0", List.of("Commands:", "HELO EHLO MAIL", "End of HELP")));
            smtp.send("HeLp");
            smtp.expectBytes("214-2.0.0 Commands:\r\n214-2.0.0 HELO EHLO MAIL\r\n214 2.0.0 End of HELP\r\n");
            assertThat(rule.description()).contains("on HELP");
        }
    }

    @Test
    void commandByVerbMatchesVerbsTheServerDoesNotKnow() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.on(Trigger.command("XCLIENT")).reply(220, "2.0.0 Ok");
            smtp.send("XCLIENT NAME=x");
            smtp.expectBytes("220 2.0.0 Ok\r\n");
            smtp.send("XFORWARD NAME=x").expect("500 5.5.2 ");
        }
    }

    @Test
    void anyCommandMatchesKnownAndUnknownVerbs() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            Rule rule = server.on(Trigger.anyCommand()).fromNth(3).reply(503, "5.5.1 Enough");
            smtp.send("EHLO client.test").expect("250 ");
            smtp.send("NOOP").expect("250 2.0.0 OK");
            smtp.send("XYZZY");
            smtp.expectBytes("503 5.5.1 Enough\r\n");
            smtp.send("QUIT");
            smtp.expectBytes("503 5.5.1 Enough\r\n");
            assertThat(rule.timesMatched()).isEqualTo(4);
            assertThat(rule.timesFired()).isEqualTo(2);
        }
    }

    @Test
    void anyCommandMeetsBdatOnceItsChunkIsReadSoTheChunkNeverRunsAsCommands() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Rule rule = server.on(Trigger.anyCommand()).onlyNth(3).reply(451, "4.3.0 Not this chunk");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
            smtp.send("RCPT TO:<b@example.com>").expect("250 ");
            // The chunk reads like a command: had the rule met BDAT before the chunk was read, it would run.
            smtp.sendRaw("BDAT 6 LAST\r\nNOOP\r\n").expect("451 4.3.0 Not this chunk");
            smtp.send("QUIT").expect("221 ");
            assertThat(rule.timesMatched()).isEqualTo(4); // MAIL, RCPT, the chunk, QUIT
            assertThat(server.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void withoutEnhancedStatusCodesTheRuleReplyDropsItsEnhancedCode() {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                .hide(dev.fakesmtp.Extension.ENHANCED_STATUS_CODES).build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.on(Trigger.rcptTo("bob@example.com")).reply(550, "5.1.1 No such user");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
            smtp.send("RCPT TO:<bob@example.com>");
            smtp.expectBytes("550 No such user\r\n");
        }
    }
}
