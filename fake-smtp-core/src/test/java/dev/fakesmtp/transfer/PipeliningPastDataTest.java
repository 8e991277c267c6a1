package dev.fakesmtp.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.Extension;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.Violation;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 2920 §3.1: DATA ends a pipelined group; the client must see the 354 before it sends the
 * message. A client that writes the whole transaction at once (a hand-rolled client, a
 * {@code printf | nc} script) is recorded; a strict server reads the message and refuses it.
 * When DATA itself is refused, such a client's message is still on its way: its lines must not
 * run as commands (here they would open a transaction for a smuggled sender), so the server
 * reads it up to CRLF.CRLF and drops it.
 */
@Timeout(20)
class PipeliningPastDataTest {

    private static final String MESSAGE = "Date: Thu, 26 Nov 2026 12:00:00 +0000\r\nFrom: a@example.com\r\n"
            + "Message-ID: <early@example.com>\r\n\r\nRSET\r\nMAIL FROM:<smuggled@x.y>\r\nRCPT TO:<victim@x.y>\r\n";
    private static final String DETAIL = "Message content sent without waiting for the reply to DATA, which ends a group";

    @ParameterizedTest(name = "strict={0}")
    @ValueSource(booleans = {false, true})
    void aMessageSentBefore354IsRecordedAndStrictRefusesIt(boolean strict) {
        try (FakeSmtpServer server = start(strict, b -> { }); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.sendRaw("MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nDATA\r\n" + MESSAGE + ".\r\nQUIT\r\n");
            smtp.expect("250 2.1.0");
            smtp.expect("250 2.1.5");
            smtp.expect("354 ");
            smtp.expect(strict ? "550 5.5.0 Message refused: its content was sent before the 354" : "250 2.0.0");
            smtp.expect("221 ");
            SmtpSession session = ended(server);
            assertThat(session.violations()).singleElement().satisfies(violation -> {
                assertThat(violation.type()).isEqualTo(Violation.Type.PIPELINING_AFTER_GROUP_END);
                assertThat(violation.detail()).isEqualTo(DETAIL);
            });
            assertThat(server.mailbox().messages()).hasSize(strict ? 0 : 1);
        }
    }

    /** The client bug: it never looked at DATA's reply. Its message must not become commands. */
    @ParameterizedTest(name = "strict={0}")
    @ValueSource(booleans = {false, true})
    void whenDataIsRefusedTheMessageAlreadySentIsDroppedNotRun(boolean strict) {
        try (FakeSmtpServer server = start(strict, b -> { }); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            // The only recipient is refused (501), so DATA gets 554 "no valid recipients".
            smtp.sendRaw("MAIL FROM:<a@example.com>\r\nRCPT TO:<no-domain>\r\nDATA\r\n" + MESSAGE + ".\r\nQUIT\r\n");
            assertDroppedAfter(server, smtp, "554 5.5.1");
        }
    }

    @ParameterizedTest(name = "strict={0}")
    @ValueSource(booleans = {false, true})
    void whenARuleRefusesDataTheMessageAlreadySentIsDroppedToo(boolean strict) {
        try (FakeSmtpServer server = start(strict, b -> { })) {
            server.on(Trigger.data()).reply(451, "4.3.0 Try again later");
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.sendRaw("MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nDATA\r\n" + MESSAGE
                        + ".\r\nQUIT\r\n");
                smtp.expect("250 2.1.0");
                assertDroppedAfter(server, smtp, "451 4.3.0");
            }
        }
    }

    @ParameterizedTest(name = "strict={0}")
    @ValueSource(booleans = {false, true})
    void withoutPipeliningOfferedTheSameMessageIsRecordedAsSuch(boolean strict) {
        try (FakeSmtpServer server = start(strict, b -> b.hide(Extension.PIPELINING));
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
            smtp.sendRaw("DATA\r\n" + MESSAGE + ".\r\n");
            smtp.expect("354 ");
            smtp.expect(strict ? "550 5.5.0" : "250 2.0.0");
            smtp.send("QUIT").expect("221 ");
            assertThat(ended(server).violations()).singleElement().satisfies(violation -> {
                assertThat(violation.type()).isEqualTo(Violation.Type.PIPELINING_NOT_ADVERTISED);
                assertThat(violation.detail()).isEqualTo("Message content sent without waiting for the reply to DATA");
            });
        }
    }

    private static void assertDroppedAfter(FakeSmtpServer server, SmtpDialogue smtp, String dataRefusal) {
        List<String> replies = new java.util.ArrayList<>();
        String line;
        while ((line = smtp.readLine()) != null) {
            replies.add(line);
        }
        // One reply per command the client meant: none for the message's lines.
        assertThat(replies).as("replies").hasSizeGreaterThanOrEqualTo(2);
        assertThat(replies.get(replies.size() - 2)).startsWith(dataRefusal);
        assertThat(replies.get(replies.size() - 1)).startsWith("221 ");
        assertThat(replies).noneMatch(reply -> reply.contains("smuggled") || reply.contains("victim"));
        SmtpSession session = ended(server);
        assertThat(session.violations()).filteredOn(v -> v.type() == Violation.Type.PIPELINING_AFTER_GROUP_END)
                .singleElement().satisfies(violation -> assertThat(violation.detail()).startsWith(DETAIL
                        + "; DATA was refused, so its " + (MESSAGE.length() + 3) + " octets up to CRLF.CRLF were"
                        + " discarded, not run as commands"));
        assertThat(session.transcriptText()).doesNotContain("C: MAIL FROM:<smuggled@x.y>");
        assertThat(server.mailbox().messages()).isEmpty();
    }

    private static SmtpSession ended(FakeSmtpServer server) {
        SmtpSession session = server.sessions().get(0);
        session.awaitEnd(Duration.ofSeconds(5));
        return session;
    }

    private static FakeSmtpServer start(boolean strict, Consumer<FakeSmtpServer.Builder> config) {
        FakeSmtpServer.Builder builder = FakeSmtpServer.builder();
        config.accept(builder);
        return (strict ? builder.strict() : builder).build().start();
    }
}
