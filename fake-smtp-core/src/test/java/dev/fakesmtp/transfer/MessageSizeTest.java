package dev.fakesmtp.transfer;

import static dev.fakesmtp.transfer.DataTransferTest.openTransaction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The message size limit (RFC 1870 and {@code maxMessageSize}): a message over it gets
 * 552 5.3.4 after the final dot, nothing is captured, and the session goes on.
 */
@Timeout(30)
class MessageSizeTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final int LIMIT = 100;

    @Test
    void messageOfExactlyTheLimitIsAccepted() {
        String content = "x".repeat(LIMIT - 2) + "\r\n";
        try (FakeSmtpServer server = FakeSmtpServer.builder().maxMessageSize(LIMIT).build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            openTransaction(smtp);
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw(content + ".\r\n").expect("250 2.0.0");
            ReceivedMail mail = server.mailbox().awaitMessages(1, WAIT).get(0);
            assertThat(mail.size()).isEqualTo(LIMIT);
            assertThat(mail.rawText()).isEqualTo(content);
        }
    }

    @Test
    void messageOneByteOverTheLimitGets552AndIsNotCaptured() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().maxMessageSize(LIMIT).build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            openTransaction(smtp);
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw("x".repeat(LIMIT - 1) + "\r\n.\r\n").expect("552 5.3.4");
            smtp.send("NOOP").expect("250 2.0.0");
            assertThat(server.mailbox().messages()).isEmpty();
            assertThat(server.sessions().get(0).messageCount()).isZero();
        }
    }

    @Test
    void theSizeThatCountsIsAfterDotUnstuffing() {
        String content = ".x\r\n".repeat(LIMIT / 4); // 100 octets captured, 125 on the wire
        try (FakeSmtpServer server = FakeSmtpServer.builder().maxMessageSize(LIMIT).build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            openTransaction(smtp);
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw(content.replace(".x", "..x") + ".\r\n").expect("250 2.0.0");
            assertThat(server.mailbox().awaitMessages(1, WAIT).get(0).rawText()).isEqualTo(content);
        }
    }

    @Test
    void oversizedMessageIsReadToItsEndAndTheSessionStaysUsable() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().maxMessageSize(LIMIT).build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            openTransaction(smtp);
            smtp.send("DATA").expect("354 ");
            // Past the limit the server must keep reading: the QUIT line is content, not a command.
            smtp.sendRaw("y".repeat(5_000) + "\r\nQUIT\r\n" + "z".repeat(70_000) + "\r\n.\r\n");
            assertThat(smtp.readReply()).singleElement().asString()
                    .startsWith("552 5.3.4").contains(String.valueOf(LIMIT));

            openTransaction(smtp);
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw("second\r\n.\r\n").expect("250 2.0.0");
            smtp.send("QUIT").expect("221 ");

            List<ReceivedMail> mails = server.mailbox().awaitMessages(1, WAIT);
            assertThat(mails).extracting(ReceivedMail::rawText).containsExactly("second\r\n");
            assertThat(mails.get(0).envelope().transactionIndex()).isEqualTo(1);
        }
    }

    @Test
    void transactionIsGoneAfter552() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().maxMessageSize(LIMIT).build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            openTransaction(smtp);
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw("w".repeat(2 * LIMIT) + "\r\n.\r\n").expect("552 5.3.4");
            smtp.send("DATA").expect("503 5.5.1"); // RFC 5321: the failed transaction is over
            smtp.send("RCPT TO:<c@example.com>").expect("503 5.5.1");
            assertThat(server.mailbox().size()).isZero();
        }
    }

    @Test
    void mailSizeParameterOverTheLimitGets552() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().maxMessageSize(LIMIT).build().start();
             SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            List<String> ehlo = smtp.send("EHLO client.test").expect("250 ");
            assertThat(ehlo).anySatisfy(line -> assertThat(line).isIn("250-SIZE " + LIMIT, "250 SIZE " + LIMIT));

            smtp.send("MAIL FROM:<a@example.com> SIZE=" + (LIMIT + 1)).expect("552 5.3.4");
            smtp.send("RCPT TO:<b@example.com>").expect("503 5.5.1"); // no transaction was opened
            smtp.send("MAIL FROM:<a@example.com> SIZE=" + LIMIT).expect("250 2.1.0");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw("ok\r\n.\r\n").expect("250 2.0.0");
            assertThat(server.mailbox().awaitMessages(1, WAIT).get(0).envelope().mailParameter("SIZE"))
                    .contains(String.valueOf(LIMIT));
        }
    }

    @Test
    void hugeMailSizeParameterGets552NotASyntaxError() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com> SIZE=999999999999").expect("552 5.3.4");
            smtp.send("NOOP").expect("250 2.0.0");
        }
    }
}
