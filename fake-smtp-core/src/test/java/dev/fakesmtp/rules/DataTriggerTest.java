package dev.fakesmtp.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.Rule;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.support.SmtpDialogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The end-of-data trigger (DATA's final dot and BDAT LAST), with and without a predicate on the
 * message, and the per-chunk BDAT trigger.
 */
@Timeout(20)
class DataTriggerTest {

    @Test
    void endOfDataAnswersInsteadOf250AndCapturesNothing() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Rule rule = server.on(Trigger.endOfData()).reply(554, "5.6.0 Message rejected");
            smtp.envelope("a@example.com", "b@example.com");
            smtp.data("hello");
            smtp.expectBytes("554 5.6.0 Message rejected\r\n");
            smtp.send("NOOP").expect("250 ");
            assertThat(server.mailbox().messages()).isEmpty();
            assertThat(rule.timesFired()).isEqualTo(1);
        }
    }

    @Test
    void endOfDataWithAPredicateOnTheSubject() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Rule rule = server.on(Trigger.endOfData(mail -> "Buy now".equals(mail.subject())))
                    .reply(550, "5.7.1 Looks like spam");
            smtp.envelope("a@example.com", "b@example.com");
            smtp.data("Buy now");
            smtp.expectBytes("550 5.7.1 Looks like spam\r\n");
            smtp.envelope("a@example.com", "b@example.com");
            smtp.data("Minutes of the meeting").expect("250 2.0.0 ");

            assertThat(server.mailbox().messages()).extracting(ReceivedMail::subject)
                    .containsExactly("Minutes of the meeting");
            assertThat(rule.timesMatched()).isEqualTo(1);
        }
    }

    @Test
    void endOfDataPredicateSeesTheEnvelopeAndSize() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.on(Trigger.endOfData(mail -> mail.envelope().recipients().contains("big@example.com")
                    && mail.raw().length > 100)).reply(552, "5.3.4 Too big for big");
            smtp.envelope("a@example.com", "big@example.com");
            smtp.data("small").expect("250 ");
            smtp.envelope("a@example.com", "big@example.com");
            smtp.data("x".repeat(200));
            smtp.expectBytes("552 5.3.4 Too big for big\r\n");
            assertThat(server.mailbox().messages()).extracting(ReceivedMail::subject).containsExactly("small");
        }
    }

    @Test
    void aPredicateThatThrowsCountsAsNoMatch() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Rule rule = server.on(Trigger.endOfData(mail -> mail.subject().startsWith("x")))
                    .reply(550, "5.7.1 Never");
            smtp.envelope("a@example.com", "b@example.com");
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw("No-Subject: here\r\n\r\nbody\r\n.\r\n").expect("250 2.0.0 ");
            assertThat(server.mailbox().messages()).hasSize(1);
            assertThat(rule.timesFired()).isZero();
        }
    }

    @Test
    void endOfDataFiresAtBdatLast() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.on(Trigger.endOfData()).reply(451, "4.3.0 Try again");
            smtp.envelope("a@example.com", "b@example.com");
            smtp.send("BDAT 6").sendRaw("Subjec").expect("250 2.0.0 6 octets received");
            smtp.send("BDAT 10 LAST").sendRaw("t: x\r\n\r\nhi");
            smtp.expectBytes("451 4.3.0 Try again\r\n");
            assertThat(server.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void bdatTriggerFiresPerChunkAndAbortsTheTransaction() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Rule rule = server.on(Trigger.bdat()).onlyNth(2).reply(452, "4.3.1 Out of disk space");
            smtp.envelope("a@example.com", "b@example.com");
            smtp.send("BDAT 5").sendRaw("Subje").expect("250 2.0.0 5 octets received");
            smtp.send("BDAT 5").sendRaw("ct: x");
            smtp.expectBytes("452 4.3.1 Out of disk space\r\n");
            // The chunk was read off the stream and the transaction is gone: a new one starts cleanly.
            smtp.send("BDAT 2 LAST").sendRaw("hi").expect("503 5.5.1 ");
            smtp.envelope("a@example.com", "b@example.com");
            smtp.send("BDAT 14 LAST").sendRaw("Subject: y\r\n\r\n").expect("250 2.0.0 OK: 14 octets");

            assertThat(server.mailbox().messages()).extracting(ReceivedMail::subject).containsExactly("y");
            assertThat(rule.timesMatched()).isEqualTo(3); // a refused BDAT never reaches the rules
            assertThat(rule.timesFired()).isEqualTo(1);
        }
    }

    @Test
    void commandBdatIsTheChunkTrigger() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Rule rule = server.on(Trigger.command("bdat")).reply(554, "5.3.0 No chunks today");
            smtp.envelope("a@example.com", "b@example.com");
            smtp.send("BDAT 3 LAST").sendRaw("abc");
            smtp.expectBytes("554 5.3.0 No chunks today\r\n");
            smtp.send("NOOP").expect("250 2.0.0 OK"); // the 3 octets were not taken for a command
            assertThat(rule.description()).contains("BDAT chunk");
            assertThat(server.mailbox().messages()).isEmpty();
        }
    }
}
