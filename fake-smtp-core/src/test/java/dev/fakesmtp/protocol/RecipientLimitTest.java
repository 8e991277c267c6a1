package dev.fakesmtp.protocol;

import static dev.fakesmtp.protocol.DialogueSteps.inTransaction;
import static dev.fakesmtp.protocol.DialogueSteps.sendData;
import static dev.fakesmtp.protocol.DialogueSteps.startServer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.support.SmtpDialogue;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How many recipients a transaction takes (RFC 5321 §4.5.3.1.8) and what a refusal leaves. */
@Timeout(20)
class RecipientLimitTest {

    @Test
    void aThousandRecipientsAreAcceptedAndTheNextIs452() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = inTransaction(server)) {
            List<String> recipients = IntStream.range(0, 1000).mapToObj(i -> "r" + i + "@example.com").toList();
            for (String recipient : recipients) {
                smtp.send("RCPT TO:<" + recipient + ">").expect("250 2.1.5 ");
            }
            smtp.send("RCPT TO:<one-too-many@example.com>").expect("452 4.5.3 ");
            ReceivedMail mail = sendData(server, smtp);
            assertThat(mail.envelope().recipients()).containsExactlyElementsOf(recipients);
            assertThat(server.mailbox().messages()).hasSize(1); // one mail per transaction, not per recipient
        }
    }

    @Test
    void pastMaxRecipientsIs452AndTheEarlierRecipientsStay() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().maxRecipients(3).build().start();
             SmtpDialogue smtp = inTransaction(server)) {
            smtp.send("RCPT TO:<a@example.com>").expect("250 2.1.5 ");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5 ");
            smtp.send("RCPT TO:<c@example.com>").expect("250 2.1.5 ");
            // 452 is transient (RFC 5321 §4.5.3.1.10): the client sends the rest in another transaction.
            smtp.send("RCPT TO:<d@example.com>").expect("452 4.5.3 ");
            smtp.send("RCPT TO:<e@example.com>").expect("452 4.5.3 ");
            ReceivedMail first = sendData(server, smtp);
            assertThat(first.envelope().recipients()).containsExactly("a@example.com", "b@example.com", "c@example.com");

            smtp.send("MAIL FROM:<sender@example.com>").expect("250 2.1.0 ");
            smtp.send("RCPT TO:<d@example.com>").expect("250 2.1.5 ");
            smtp.send("RCPT TO:<e@example.com>").expect("250 2.1.5 ");
            assertThat(sendData(server, smtp).envelope().recipients()).containsExactly("d@example.com", "e@example.com");
        }
    }

    @Test
    void theLimitIsPerTransactionAndRsetStartsAgain() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().maxRecipients(1).build().start();
             SmtpDialogue smtp = inTransaction(server)) {
            smtp.send("RCPT TO:<a@example.com>").expect("250 2.1.5 ");
            smtp.send("RCPT TO:<b@example.com>").expect("452 4.5.3 ");
            smtp.send("RSET").expect("250 2.0.0 ");
            smtp.send("MAIL FROM:<sender@example.com>").expect("250 2.1.0 ");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5 ");
            assertThat(sendData(server, smtp).envelope().recipients()).containsExactly("b@example.com");
        }
    }

    @Test
    void aRefusedRcptLeavesTheOtherRecipientsIntact() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = inTransaction(server)) {
            smtp.send("RCPT TO:<a@example.com>").expect("250 2.1.5 ");
            smtp.send("RCPT TO:<not an address>").expect("501 5.1.3 ");
            smtp.send("RCPT TO:b@example.com").expect("501 5.5.4 ");
            smtp.send("RCPT TO:<b@example.com> FOO=1").expect("555 5.5.4 ");
            smtp.send("RCPT TO:<b@example.com> NOTIFY=BOGUS").expect("501 5.5.4 ");
            smtp.send("RCPT TO:<c@example.com>").expect("250 2.1.5 ");
            ReceivedMail mail = sendData(server, smtp);
            assertThat(mail.envelope().recipients()).containsExactly("a@example.com", "c@example.com");
        }
    }
}
