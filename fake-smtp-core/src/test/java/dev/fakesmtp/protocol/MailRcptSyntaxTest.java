package dev.fakesmtp.protocol;

import static dev.fakesmtp.protocol.DialogueSteps.inTransaction;
import static dev.fakesmtp.protocol.DialogueSteps.sendData;
import static dev.fakesmtp.protocol.DialogueSteps.startServer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.support.SmtpDialogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The syntax of MAIL FROM and RCPT TO (RFC 5321 §4.1.1.2, §4.1.1.3, §4.1.2): command syntax
 * errors are 501 5.5.4, a malformed address 501 5.1.7 (sender) or 5.1.3 (recipient) (RFC 3463).
 */
@Timeout(10)
class MailRcptSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "MAIL <a@example.com>",          // no FROM:
        "MAIL TO:<a@example.com>",       // wrong keyword
        "MAIL FROM:a@example.com",       // no brackets
        "MAIL FROM:<a@example.com",      // unclosed bracket
        "MAIL FROM:",                    // no path at all
        "MAIL",                          // no argument
        "MAIL FROM:<a@example.com>SIZE=1", // no space before the parameters
    })
    void mailCommandSyntaxErrorsAre501(String command) {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send(command).expect("501 5.5.4 ");
            smtp.send("RCPT TO:<b@example.com>").expect("503 5.5.1 "); // no transaction was opened
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "RCPT <b@example.com>",
        "RCPT FROM:<b@example.com>",
        "RCPT TO:b@example.com",
        "RCPT TO:<b@example.com",
        "RCPT TO:",
        "RCPT",
    })
    void rcptCommandSyntaxErrorsAre501(String command) {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = inTransaction(server)) {
            smtp.send(command).expect("501 5.5.4 ");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "no-at-sign", "a@", "@example.com", "a b@example.com", "a@exa mple.com", "a..b@example.com",
        ".a@example.com", "a@example..com", "a@-example.com", "a@example.com.", "a(b)@example.com",
        "a@[bogus", "a@@example.com",
    })
    void badSenderAddressIs501WithSenderCode(String address) {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<" + address + ">").expect("501 5.1.7 ");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "no-at-sign", "a@", "@example.com", "a b@example.com", "a..b@example.com", "a@example..com",
        "a@-example.com", "a(b)@example.com", "a@@example.com",
    })
    void badRecipientAddressIs501WithRecipientCode(String address) {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = inTransaction(server)) {
            smtp.send("RCPT TO:<" + address + ">").expect("501 5.1.3 ");
        }
    }

    @ParameterizedTest(name = "MAIL FROM:<{0}>")
    @ValueSource(strings = {
        "@relay.example:",                 // a source route and no mailbox: not the null path
        "@:user@example.com",              // a source route with an empty domain
        "postmaster",                      // only RCPT may omit the domain (RFC 5321 §4.1.1.3)
        "user@[300.1.1.1]",                // not an IPv4 literal, and no tag for a general one
        "user@[bogus]",
    })
    void senderPathsTheRfcGrammarRejectsAre501(String path) {
        // RFC 5321 §4.1.2: Reverse-path = Path / "<>"; Path = "<" [ A-d-l ":" ] Mailbox ">";
        // At-domain = "@" Domain; address-literal = "[" ( IPv4 / IPv6 / General ) "]".
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<" + path + ">").expect("501 5.1.7 ");
        }
    }

    @ParameterizedTest(name = "RCPT TO:<{0}>")
    @ValueSource(strings = {"@relay.example:", "@:user@example.com", "user@[300.1.1.1]", "user@[bogus]"})
    void recipientPathsTheRfcGrammarRejectsAre501(String path) {
        // RFC 5321 §4.1.2: Forward-path = Path, with the same A-d-l and address-literal rules.
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = inTransaction(server)) {
            smtp.send("RCPT TO:<" + path + ">").expect("501 5.1.3 ");
        }
    }

    @Test
    void nullReversePathIsAcceptedForMailAndRefusedForRcpt() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<>").expect("250 2.1.0 ");
            smtp.send("RCPT TO:<>").expect("501 5.1.3 ");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5 ");
            assertThat(sendData(server, smtp).envelope().mailFrom()).isEmpty();
        }
    }

    @Test
    void nullReversePathTakesParameters() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<> SIZE=100 RET=HDRS").expect("250 2.1.0 ");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5 ");
            assertThat(sendData(server, smtp).envelope().mailParameters())
                    .containsEntry("SIZE", "100").containsEntry("RET", "HDRS");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postmaster", "Postmaster", "POSTMASTER", "postmaster@example.com"})
    void rcptToPostmasterIsAccepted(String postmaster) {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = inTransaction(server)) {
            smtp.send("RCPT TO:<" + postmaster + ">").expect("250 2.1.5 ");
            assertThat(sendData(server, smtp).envelope().recipients()).containsExactly(postmaster);
        }
    }

    @Test
    void sourceRouteIsAcceptedAndStripped() {
        // RFC 5321 §4.1.2 and Appendix C: servers accept a source route and ignore it.
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<@relay.example:sender@example.com>").expect("250 2.1.0 ");
            smtp.send("RCPT TO:<@a.example,@b.example:user@c.example>").expect("250 2.1.5 ");
            ReceivedMail mail = sendData(server, smtp);
            assertThat(mail.envelope().mailFrom()).isEqualTo("sender@example.com");
            assertThat(mail.envelope().recipients()).containsExactly("user@c.example");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"john doe\"@example.com",
        "\"a>b\"@example.com",                 // '>' inside quotes does not close the path
        "\"with \\\"escaped\\\" quotes\"@example.com",
        "user@[127.0.0.1]",
        "user@[IPv6:::1]",
        "user@[IPv6:2001:db8::1]",
        "first.last+tag@sub.example.com",
        "o'hara!#$%&*=?^_`{|}~-x@example.com",
        "user@xn--bcher-kva.example",
    })
    void unusualButValidAddressesAreAcceptedAsSent(String address) {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<" + address + ">").expect("250 2.1.0 ");
            smtp.send("RCPT TO:<" + address + ">").expect("250 2.1.5 ");
            ReceivedMail mail = sendData(server, smtp);
            assertThat(mail.envelope().mailFrom()).isEqualTo(address);
            assertThat(mail.envelope().recipients()).containsExactly(address);
        }
    }

    @Test
    void spaceAfterTheColonIsTolerated() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM: <a@example.com>").expect("250 2.1.0 ");
            smtp.send("RCPT TO: <b@example.com>").expect("250 2.1.5 ");
            ReceivedMail mail = sendData(server, smtp);
            assertThat(mail.envelope().mailFrom()).isEqualTo("a@example.com");
            assertThat(mail.envelope().recipients()).containsExactly("b@example.com");
        }
    }

    @Test
    void keywordsFromAndToAreCaseInsensitive() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL from:<a@example.com>").expect("250 2.1.0 ");
            smtp.send("RCPT tO:<b@example.com>").expect("250 2.1.5 ");
        }
    }

    @Test
    void addressCaseIsKeptAsSent() {
        // RFC 5321 §2.4: the local part may be case-sensitive, so it must be kept as sent.
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<Sender.Name@Example.COM>").expect("250 2.1.0 ");
            smtp.send("RCPT TO:<John.Smith@Example.COM>").expect("250 2.1.5 ");
            ReceivedMail mail = sendData(server, smtp);
            assertThat(mail.envelope().mailFrom()).isEqualTo("Sender.Name@Example.COM");
            assertThat(mail.envelope().recipients()).containsExactly("John.Smith@Example.COM");
        }
    }
}
