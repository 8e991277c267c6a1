package dev.fakesmtp.protocol;

import static dev.fakesmtp.protocol.DialogueSteps.sendData;
import static dev.fakesmtp.protocol.DialogueSteps.startServer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.Extension;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.support.SmtpDialogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Internationalized addresses (RFC 6531): only in a transaction that declared SMTPUTF8. */
@Timeout(10)
class SmtpUtf8Test {

    @ParameterizedTest
    @ValueSource(strings = {"jürgen@example.com", "user@bücher.example", "用户@例子.广告", "δοκιμή@παράδειγμα.δοκιμή"})
    void nonAsciiSenderWithoutSmtpUtf8Is553(String address) {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<" + address + ">").expect("553 5.6.7 ");
            smtp.send("RCPT TO:<b@example.com>").expect("503 5.5.1 "); // no transaction was opened
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jürgen@example.com", "user@bücher.example", "用户@例子.广告"})
    void nonAsciiRecipientWithoutSmtpUtf8Is553AndLeavesOthers(String address) {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0 ");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5 ");
            smtp.send("RCPT TO:<" + address + ">").expect("553 5.6.7 ");
            assertThat(sendData(server, smtp).envelope().recipients()).containsExactly("b@example.com");
        }
    }

    @Test
    void nonAsciiAddressesWithSmtpUtf8AreAcceptedAndReachTheEnvelope() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<jürgen@bücher.example> SMTPUTF8").expect("250 2.1.0 ");
            smtp.send("RCPT TO:<用户@例子.广告>").expect("250 2.1.5 ");
            smtp.send("RCPT TO:<ascii@example.com>").expect("250 2.1.5 ");
            ReceivedMail mail = sendData(server, smtp);
            assertThat(mail.envelope().mailFrom()).isEqualTo("jürgen@bücher.example");
            assertThat(mail.envelope().recipients()).containsExactly("用户@例子.广告", "ascii@example.com");
            assertThat(mail.envelope().mailParameters()).containsEntry("SMTPUTF8", "");
        }
    }

    @Test
    void asciiSenderWithSmtpUtf8AllowsNonAsciiRecipients() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com> SMTPUTF8 BODY=8BITMIME").expect("250 2.1.0 ");
            smtp.send("RCPT TO:<josé@example.com>").expect("250 2.1.5 ");
            assertThat(sendData(server, smtp).envelope().recipients()).containsExactly("josé@example.com");
        }
    }

    @Test
    void smtpUtf8DoesNotOutliveItsTransaction() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com> SMTPUTF8").expect("250 2.1.0 ");
            smtp.send("RSET").expect("250 2.0.0 ");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0 ");
            smtp.send("RCPT TO:<josé@example.com>").expect("553 5.6.7 ");
        }
    }

    @Test
    void withSmtpUtf8HiddenTheParameterIs555AndNonAsciiStays553() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().hide(Extension.SMTPUTF8).build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<jürgen@example.com> SMTPUTF8").expect("555 5.5.4 ");
            smtp.send("MAIL FROM:<jürgen@example.com>").expect("553 5.6.7 ");
        }
    }

    @Test
    void theTranscriptKeepsNonAsciiAddressesReadable() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<jürgen@example.com> SMTPUTF8").expect("250 2.1.0 ");
            assertThat(server.sessions().get(0).transcriptText()).contains("C: MAIL FROM:<jürgen@example.com> SMTPUTF8");
        }
    }
}
