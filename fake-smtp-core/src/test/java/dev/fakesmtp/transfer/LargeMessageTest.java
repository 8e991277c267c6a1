package dev.fakesmtp.transfer;

import static dev.fakesmtp.transfer.DataTransferTest.openTransaction;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.support.SmtpDialogue;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 20 MB messages under the default 32 MiB limit arrive intact, through DATA (with many lines
 * to dot-stuff) and through BDAT chunks of random binary. The test streams what it sends and
 * compares SHA-256 digests, so it holds no second copy of the message.
 */
@Timeout(120)
class LargeMessageTest {

    private static final int TWENTY_MB = 20 * 1024 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void twentyMegabytesThroughDataArriveIntact() {
        MessageDigest expected = sha256();
        long expectedSize = 0;
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            openTransaction(smtp);
            smtp.send("DATA").expect("354 ");
            Random random = new Random(20);
            ByteArrayOutputStream block = new ByteArrayOutputStream(70_000);
            byte[] header = "Subject: large\r\n\r\n".getBytes(US_ASCII);
            block.writeBytes(header);
            expected.update(header);
            expectedSize += header.length;
            while (expectedSize < TWENTY_MB) {
                byte[] line = randomLine(random);
                expected.update(line);
                expectedSize += line.length;
                if (line[0] == '.') {
                    block.write('.'); // dot-stuffing on the wire only
                }
                block.writeBytes(line);
                if (block.size() >= 64 * 1024) {
                    smtp.sendRaw(block.toByteArray());
                    block.reset();
                }
            }
            block.writeBytes(".\r\n".getBytes(US_ASCII));
            smtp.sendRaw(block.toByteArray());
            smtp.expect("250 2.0.0");
            smtp.send("QUIT").expect("221 ");

            ReceivedMail mail = server.mailbox().awaitMessages(1, WAIT).get(0);
            assertThat(mail.size()).isEqualTo((int) expectedSize);
            assertThat(hex(sha256().digest(mail.raw()))).isEqualTo(hex(expected.digest()));
        }
    }

    @Test
    void twentyMegabytesOfBinaryInBdatChunksArriveIntact() {
        int chunk = 1024 * 1024;
        MessageDigest expected = sha256();
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com> BODY=BINARYMIME").expect("250 2.1.0");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
            Random random = new Random(3030);
            byte[] bytes = new byte[chunk];
            int chunks = TWENTY_MB / chunk;
            for (int i = 1; i <= chunks; i++) {
                random.nextBytes(bytes);
                expected.update(bytes);
                smtp.send("BDAT " + chunk + (i == chunks ? " LAST" : "")).sendRaw(bytes);
            }
            for (int i = 1; i < chunks; i++) {
                smtp.expect("250 2.0.0 " + chunk + " octets received");
            }
            smtp.expect("250 2.0.0 OK: " + TWENTY_MB + " octets");

            List<ReceivedMail> mails = server.mailbox().awaitMessages(1, WAIT);
            assertThat(mails).hasSize(1);
            assertThat(mails.get(0).size()).isEqualTo(TWENTY_MB);
            assertThat(hex(sha256().digest(mails.get(0).raw()))).isEqualTo(hex(expected.digest()));
        }
    }

    /** A CRLF line of 1 to 120 printable characters; about one in eight starts with a dot. */
    private static byte[] randomLine(Random random) {
        int length = 1 + random.nextInt(120);
        byte[] line = new byte[length + 2];
        for (int i = 0; i < length; i++) {
            line[i] = (byte) (' ' + random.nextInt(95));
        }
        if (random.nextInt(8) == 0) {
            line[0] = '.';
        }
        line[length] = '\r';
        line[length + 1] = '\n';
        return line;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
