package dev.fakesmtp.protocol;

import static dev.fakesmtp.protocol.DialogueSteps.ehloKeywords;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.Extension;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.SmtpDialogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A hidden extension's parameters get 555 5.5.4 (RFC 5321 §4.1.1.11: parameters the server does
 * not recognise), so a client that uses them without checking EHLO is caught.
 */
@Timeout(10)
class HiddenExtensionParametersTest {

    @ParameterizedTest(name = "{0} hidden: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SIZE                  | MAIL FROM:<a@example.com> SIZE=100
            SIZE                  | MAIL FROM:<a@example.com> SIZE=0
            EIGHT_BIT_MIME        | MAIL FROM:<a@example.com> BODY=8BITMIME
            EIGHT_BIT_MIME        | MAIL FROM:<a@example.com> BODY=7BIT
            SMTPUTF8              | MAIL FROM:<a@example.com> SMTPUTF8
            BINARYMIME            | MAIL FROM:<a@example.com> BODY=BINARYMIME
            CHUNKING              | MAIL FROM:<a@example.com> BODY=BINARYMIME
            DSN                   | MAIL FROM:<a@example.com> RET=FULL
            DSN                   | MAIL FROM:<a@example.com> RET=HDRS
            DSN                   | MAIL FROM:<a@example.com> ENVID=QQ314159
            DSN                   | RCPT TO:<b@example.com> NOTIFY=SUCCESS,FAILURE
            DSN                   | RCPT TO:<b@example.com> NOTIFY=NEVER
            DSN                   | RCPT TO:<b@example.com> ORCPT=rfc822;b@example.com
            """)
    void parameterOfAHiddenExtensionIs555(Extension hidden, String command) {
        try (FakeSmtpServer server = FakeSmtpServer.builder().hide(hidden).build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            boolean rcpt = command.startsWith("RCPT");
            if (rcpt) {
                smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0 ");
            }
            smtp.send(command).expect("555 5.5.4 ");
            // The same command without the parameter is fine: only the parameter was refused.
            String bare = command.substring(0, command.indexOf('>') + 1);
            smtp.send(bare).expect(rcpt ? "250 2.1.5 " : "250 2.1.0 ");
        }
    }

    @Test
    void otherExtensionsStillWorkWhenOneIsHidden() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().hide(Extension.BINARYMIME, Extension.SIZE).build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com> BODY=8BITMIME SMTPUTF8 RET=HDRS").expect("250 2.1.0 ");
            smtp.send("RCPT TO:<b@example.com> NOTIFY=NEVER").expect("250 2.1.5 ");
        }
    }

    @Test
    void bdatWithChunkingHiddenIsNotImplemented() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().hide(Extension.CHUNKING).build().start();
             SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            assertThat(ehloKeywords(smtp.send("EHLO client.test").expect("250 ")))
                    .doesNotContain("CHUNKING", "BINARYMIME");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0 ");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5 ");
            smtp.send("BDAT 0 LAST").expect("502 5.5.1 ");
            // DATA still works: the client falls back.
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw("Subject: x\r\n\r\nbody\r\n.\r\n").expect("250 2.0.0 ");
            assertThat(server.mailbox().messages()).hasSize(1);
        }
    }
}
