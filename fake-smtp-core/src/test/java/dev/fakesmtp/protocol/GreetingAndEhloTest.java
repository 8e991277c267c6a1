package dev.fakesmtp.protocol;

import static dev.fakesmtp.protocol.DialogueSteps.ehloKeywords;
import static dev.fakesmtp.protocol.DialogueSteps.startServer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.Extension;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.SmtpDialogue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The greeting, EHLO and HELO replies (RFC 5321 §4.1.1.1, §4.3.1) and hidden extensions. */
@Timeout(10)
class GreetingAndEhloTest {

    private static final List<String> ALL_KEYWORDS = List.of(
            "SIZE 1234", "8BITMIME", "PIPELINING", "ENHANCEDSTATUSCODES", "SMTPUTF8", "CHUNKING", "BINARYMIME", "DSN",
            "AUTH PLAIN LOGIN CRAM-MD5 XOAUTH2");

    @Test
    void greetingIs220WithTheConfiguredHostname() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().hostname("mail.test").build().start();
             SmtpDialogue smtp = SmtpDialogue.connect(server)) {
            // The greeting is one line: "220 <domain> <text>", no enhanced code (RFC 2034 §4).
            assertThat(smtp.readReply()).singleElement().asString().startsWith("220 mail.test ");
        }
    }

    @Test
    void ehloListsExactlyTheExtensionsWithTheSizeLimit() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().hostname("mail.test").maxMessageSize(1234).build().start();
             SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            List<String> reply = smtp.send("EHLO client.test").expect("250 ");
            assertThat(reply.get(0)).startsWith("250-mail.test ");
            assertThat(ehloKeywords(reply)).containsExactlyInAnyOrderElementsOf(ALL_KEYWORDS);
            assertThat(reply.subList(0, reply.size() - 1)).allMatch(line -> line.startsWith("250-"));
        }
    }

    @Test
    void ehloAdvertisesTheDefaultSizeLimitOf32MiB() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            assertThat(ehloKeywords(smtp.send("EHLO client.test").expect("250 "))).contains("SIZE 33554432");
        }
    }

    @ParameterizedTest
    @EnumSource(Extension.class)
    void aHiddenExtensionDisappearsFromEhlo(Extension hidden) {
        try (FakeSmtpServer server = FakeSmtpServer.builder().maxMessageSize(1234).hide(hidden).build().start();
             SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            List<String> expected = new ArrayList<>(ALL_KEYWORDS);
            expected.removeIf(line -> line.split(" ")[0].equals(hidden.keyword()));
            if (hidden == Extension.CHUNKING) {
                expected.remove("BINARYMIME"); // BINARYMIME is usable only with BDAT (RFC 3030 §3)
            }
            if (hidden == Extension.EIGHT_BIT_MIME) {
                expected.remove("SMTPUTF8"); // RFC 6531 §3.1 item 8
                expected.remove("BINARYMIME"); // a value of 8BITMIME's BODY parameter
            }
            List<String> keywords = ehloKeywords(smtp.send("EHLO client.test").expect("250 "));
            assertThat(keywords).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void everyExtensionCanBeHiddenAtOnce() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().hide(Extension.values()).build().start();
             SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            assertThat(smtp.send("EHLO client.test").expect("250 ")).singleElement().asString()
                    .startsWith("250 localhost ");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 Sender");
        }
    }

    @Test
    void heloReplyIsOneLine250() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().hostname("mail.test").build().start();
             SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            assertThat(smtp.send("HELO client.test").readReply()).singleElement().asString()
                    .startsWith("250 mail.test ");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0 ");
        }
    }

    @Test
    void mailAndRcptParametersAfterHeloAre555() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            smtp.send("HELO client.test").expect("250 ");
            smtp.send("MAIL FROM:<a@example.com> SIZE=100").expect("555 5.5.4 ");
            smtp.send("MAIL FROM:<a@example.com> BODY=8BITMIME").expect("555 5.5.4 ");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0 ");
            smtp.send("RCPT TO:<b@example.com> NOTIFY=NEVER").expect("555 5.5.4 ");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5 ");
        }
    }

    @Test
    void ehloAfterHeloAllowsParametersAgain() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            smtp.send("HELO client.test").expect("250 ");
            smtp.send("EHLO client.test").expect("250 ");
            smtp.send("MAIL FROM:<a@example.com> SIZE=100").expect("250 2.1.0 ");
        }
    }

    @Test
    void ehloOrHeloWithoutArgumentIs501() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            smtp.send("EHLO").expect("501 5.5.4 ");
            smtp.send("HELO").expect("501 5.5.4 ");
            smtp.send("EHLO ").expect("501 5.5.4 ");
            // Neither counted as a greeting: MAIL still needs one.
            smtp.send("MAIL FROM:<a@example.com>").expect("503 5.5.1 ");
        }
    }

    @Test
    void ehloAcceptsAnAddressLiteral() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            smtp.send("EHLO [127.0.0.1]").expect("250 ");
            assertThat(server.sessions().get(0).heloName()).contains("[127.0.0.1]");
        }
    }

    @Test
    void withEnhancedStatusCodesHiddenRepliesCarryNoEnhancedCodes() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().hide(Extension.ENHANCED_STATUS_CODES).build().start();
             SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            List<String> replies = new ArrayList<>(smtp.send("EHLO client.test").expect("250 "));
            replies.addAll(smtp.send("NOOP").expect("250 "));
            replies.addAll(smtp.send("BOGUS").expect("500 "));
            replies.addAll(smtp.send("RCPT TO:<b@example.com>").expect("503 "));
            replies.addAll(smtp.send("MAIL FROM:<a@example.com> FOO=1").expect("555 "));
            replies.addAll(smtp.send("MAIL FROM:<a@example.com>").expect("250 "));
            replies.addAll(smtp.send("RCPT TO:<b@example.com>").expect("250 "));
            replies.addAll(smtp.send("HELP").expect("214 "));
            replies.addAll(smtp.send("DATA").expect("354 "));
            replies.addAll(smtp.sendRaw("Subject: x\r\n\r\nbody\r\n.\r\n").expect("250 "));
            replies.addAll(smtp.send("QUIT").expect("221 "));
            assertThat(replies).noneMatch(line -> line.matches("\\d{3}[ -][245]\\.\\d{1,3}\\.\\d{1,3}.*"));
            assertThat(server.mailbox().messages()).hasSize(1);
        }
    }

    @Test
    void withEnhancedStatusCodesShownEveryLineOfAMultiLineReplyCarriesTheCode() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            List<String> help = smtp.send("HELP").expect("214 ");
            assertThat(help).hasSizeGreaterThan(1);
            DialogueSteps.assertReply(help, 214, "2.0.0");
        }
    }

    @Test
    void quitReplyNamesTheHost() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().hostname("mail.test").build().start();
             SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            smtp.send("QUIT").expect("221 2.0.0 mail.test ");
            smtp.expectClosed();
        }
    }
}
