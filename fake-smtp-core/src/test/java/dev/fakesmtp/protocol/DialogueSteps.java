package dev.fakesmtp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import java.util.List;

/** Steps the protocol tests share, so each test shows only the lines it is about. */
final class DialogueSteps {

    static final Duration WAIT = Duration.ofSeconds(5);

    private DialogueSteps() {
    }

    /** A started server with the default settings (loopback, port 0). */
    static FakeSmtpServer startServer() {
        return FakeSmtpServer.builder().build().start();
    }

    /** Connects, says EHLO and opens a transaction for {@code sender@example.com}. */
    static SmtpDialogue inTransaction(FakeSmtpServer server) {
        SmtpDialogue smtp = SmtpDialogue.afterEhlo(server);
        smtp.send("MAIL FROM:<sender@example.com>").expect("250 2.1.0 ");
        return smtp;
    }

    /** Sends DATA with a short message and returns the mail as the server captured it. */
    static ReceivedMail sendData(FakeSmtpServer server, SmtpDialogue smtp) {
        int before = server.mailbox().size();
        smtp.send("DATA").expect("354 ");
        smtp.sendRaw("Subject: protocol test\r\n\r\nHello\r\n.\r\n").expect("250 2.0.0 ");
        return server.mailbox().awaitMessages(before + 1, WAIT).get(before);
    }

    /** Like {@link #sendData}, with the Date, From and Message-ID a strict server requires. */
    static ReceivedMail sendCompleteMessage(FakeSmtpServer server, SmtpDialogue smtp) {
        int before = server.mailbox().size();
        smtp.send("DATA").expect("354 ");
        smtp.sendRaw("Date: Thu, 26 Nov 2026 12:00:00 +0000\r\nFrom: a@example.com\r\n"
                + "Message-ID: <complete@example.com>\r\nSubject: protocol test\r\n\r\nHello\r\n.\r\n")
                .expect("250 2.0.0 ");
        return server.mailbox().awaitMessages(before + 1, WAIT).get(before);
    }

    /** The EHLO reply's extension lines (all but the first), without the "250-" prefix. */
    static List<String> ehloKeywords(List<String> reply) {
        return reply.subList(1, reply.size()).stream().map(line -> line.substring(4)).toList();
    }

    /**
     * Asserts the code and the enhanced code on every line of a reply: RFC 5321 §4.2.1 wants the
     * code on each line, RFC 2034 §4 the enhanced code too.
     */
    static void assertReply(List<String> reply, int code, String enhancedCode) {
        for (int i = 0; i < reply.size(); i++) {
            char separator = i == reply.size() - 1 ? ' ' : '-';
            assertThat(reply.get(i)).as("line %d of %s", i, reply).startsWith(code + "" + separator + enhancedCode + " ");
        }
    }
}
