package dev.fakesmtp.transfer;

import static dev.fakesmtp.transfer.BdatTest.binaryContent;
import static dev.fakesmtp.transfer.BdatTest.binaryTransaction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.Extension;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * BDAT (RFC 3030) that is refused. A refused chunk whose size is known is still read off the
 * stream, so its bytes (here "QUIT\r\n" look-alikes) are never taken for commands.
 */
@Timeout(30)
class BdatRefusalTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    /** A chunk that would end the session if it were read as commands. */
    private static final String QUIT_CHUNK = "QUIT\r\n";

    @Test
    void bdatBeforeEhloGets503AndTheChunkIsConsumed() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            smtp.send("BDAT 6").sendRaw(QUIT_CHUNK).expect("503 5.5.1");
            smtp.send("NOOP").expect("250 2.0.0");
        }
    }

    @Test
    void bdatBeforeMailGets503AndTheChunkIsConsumed() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("BDAT 6 LAST").sendRaw(QUIT_CHUNK).expect("503 5.5.1");
            smtp.send("NOOP").expect("250 2.0.0");
            assertThat(server.mailbox().size()).isZero();
        }
    }

    @Test
    void bdatBeforeRcptGets503AndTheChunkIsConsumed() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
            smtp.send("BDAT 6 LAST").sendRaw(QUIT_CHUNK).expect("503 5.5.1");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
            smtp.send("BDAT 3 LAST").sendRaw("ok\n").expect("250 2.0.0");
            assertThat(server.mailbox().awaitMessages(1, WAIT).get(0).rawText()).isEqualTo("ok\n");
        }
    }

    @Test
    void dataAfterBdatInOneTransactionGets503() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            binaryTransaction(smtp);
            smtp.send("BDAT 4").sendRaw("abc\n").expect("250 2.0.0");
            smtp.send("DATA").expect("503 5.5.1");
            smtp.send("BDAT 4 LAST").sendRaw("def\n").expect("250 2.0.0");
            assertThat(server.mailbox().awaitMessages(1, WAIT).get(0).rawText()).isEqualTo("abc\ndef\n");
        }
    }

    @Test
    void binarymimeThenDataGets503() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            binaryTransaction(smtp);
            smtp.send("DATA").expect("503 5.5.1");
            smtp.send("BDAT 3 LAST").sendRaw("ok\n").expect("250 2.0.0"); // the transaction is intact
            assertThat(server.mailbox().awaitMessages(1, WAIT).get(0).rawText()).isEqualTo("ok\n");
        }
    }

    /** The size is readable, so the chunk is consumed; an unreadable size closes (BdatChunkConsumptionTest). */
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"BDAT 6 FOO", "BDAT 6 LAST more", "BDAT 6 LAST LAST"})
    void badSyntaxWithAReadableSizeGets501AndTheChunkIsConsumed(String command) {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            binaryTransaction(smtp);
            smtp.send(command).sendRaw(QUIT_CHUNK).expect("501 5.5.4");
            smtp.send("BDAT 3 LAST").sendRaw("ok\n").expect("250 2.0.0");
            assertThat(server.mailbox().awaitMessages(1, WAIT).get(0).rawText()).isEqualTo("ok\n");
        }
    }

    @Test
    void hiddenChunkingGets502AndTheChunkIsConsumed() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().hide(Extension.CHUNKING).build().start();
             SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            List<String> ehlo = smtp.send("EHLO client.test").expect("250 ");
            assertThat(ehlo).noneMatch(line -> line.contains("CHUNKING") || line.contains("BINARYMIME"));
            DataTransferTest.openTransaction(smtp);
            smtp.send("BDAT 6 LAST").sendRaw(QUIT_CHUNK).expect("502 5.5.1");
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw("by DATA\r\n.\r\n").expect("250 2.0.0");
            assertThat(server.mailbox().awaitMessages(1, WAIT).get(0).rawText()).isEqualTo("by DATA\r\n");
        }
    }

    @Test
    void lastChunkOverTheSizeLimitGets552AndNothingIsCaptured() {
        byte[] content = binaryContent();
        try (FakeSmtpServer server = FakeSmtpServer.builder().maxMessageSize(content.length - 1).build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            binaryTransaction(smtp);
            smtp.send("BDAT " + content.length + " LAST").sendRaw(content).expect("552 5.3.4");
            smtp.send("NOOP").expect("250 2.0.0"); // the whole chunk was consumed
            assertThat(server.mailbox().messages()).isEmpty();

            binaryTransaction(smtp); // the session stays usable
            smtp.send("BDAT 3 LAST").sendRaw("ok\n").expect("250 2.0.0");
            assertThat(server.mailbox().awaitMessages(1, WAIT)).singleElement()
                    .satisfies(mail -> assertThat(mail.rawText()).isEqualTo("ok\n"));
        }
    }

    @Test
    void chunksAddingUpOverTheLimitGet552AndTheRestIsRefused() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().maxMessageSize(10).build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            binaryTransaction(smtp);
            smtp.send("BDAT 6").sendRaw("123456").expect("250 2.0.0");
            smtp.send("BDAT 6").sendRaw("789012").expect("552 5.3.4");
            smtp.send("BDAT 6 LAST").sendRaw(QUIT_CHUNK).expect("503 5.5.1"); // the transaction is gone
            smtp.send("NOOP").expect("250 2.0.0");
            assertThat(server.mailbox().size()).isZero();
        }
    }

    @Test
    void exactlyTheLimitInChunksIsAccepted() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().maxMessageSize(10).build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            binaryTransaction(smtp);
            smtp.send("BDAT 6").sendRaw("123456").expect("250 2.0.0");
            smtp.send("BDAT 4 LAST").sendRaw("7890").expect("250 2.0.0 OK: 10 octets");
            assertThat(server.mailbox().awaitMessages(1, WAIT).get(0).rawText()).isEqualTo("1234567890");
        }
    }
}
