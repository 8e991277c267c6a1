package dev.fakesmtp.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.MailboxTimeoutError;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * When mail does not come because the client gave up in the middle of a message, the await's
 * failure message shows the dialogue up to where it stopped, the content it sent folded.
 */
@Timeout(30)
class AwaitTimeoutDialogueTest {

    @Test
    void aClientThatLeavesInTheMiddleOfDataShowsItsContentFoldedAtTheEnd() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
                smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
                smtp.send("DATA").expect("354 ");
                smtp.sendRaw("Subject: cut off\r\n");
                smtp.cutAndAwaitServerClose();
            }
            assertThat(server.sessions().get(0).awaitEnd(Duration.ofSeconds(5))).isEqualTo(SessionEnd.CLIENT_DISCONNECTED);

            String message = catchThrowableOfType(MailboxTimeoutError.class,
                    () -> server.mailbox().awaitMessages(1, Duration.ofMillis(50))).getMessage();

            assertThat(message).doesNotContain("cut off")
                    .endsWith("    C: DATA\n    S: 354 Start mail input; end with <CRLF>.<CRLF>\n"
                            + "    -- (message content: 1 line)");
        }
    }

    @Test
    void aClientThatLeavesInTheMiddleOfBdatShowsTheChunkItCutShort() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
                smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
                smtp.send("BDAT 100 LAST").sendRaw("Subject: cut off\r\n");
                smtp.cutAndAwaitServerClose();
            }
            assertThat(server.sessions().get(0).awaitEnd(Duration.ofSeconds(5))).isEqualTo(SessionEnd.CLIENT_DISCONNECTED);

            String message = catchThrowableOfType(MailboxTimeoutError.class,
                    () -> server.mailbox().awaitMessages(1, Duration.ofMillis(50))).getMessage();

            assertThat(message).doesNotContain("Subject: cut off")
                    .endsWith("    C: BDAT 100 LAST\n    C: ... (BDAT chunk of 100 octets cut short,"
                            + " 18 octets of the message received)");
        }
    }
}
