package dev.fakesmtp.e2e;

import static dev.fakesmtp.e2e.MailSessions.awaitOne;
import static dev.fakesmtp.e2e.MailSessions.message;
import static dev.fakesmtp.e2e.MailSessions.onlySession;
import static dev.fakesmtp.e2e.MailSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.Attachment;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import jakarta.activation.DataHandler;
import jakarta.mail.Part;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A 20 MiB attachment through Jakarta Mail arrives intact (about 27 MiB on the wire in base64). */
@Timeout(60)
class LargeAttachmentE2ETest {

    private static final int SIZE = 20 * 1024 * 1024;

    @Test
    void twentyMegabyteAttachmentArrivesIntact() throws Exception {
        byte[] payload = new byte[SIZE];
        new Random(20_240_601L).nextBytes(payload);
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            MimeMessage message = message(session(server), "alice@example.com", "bob@example.com", "Big file");
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart text = new MimeBodyPart();
            text.setText("The archive is attached.\r\n", "UTF-8");
            mixed.addBodyPart(text);
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new DataHandler(new ByteArrayDataSource(payload, "application/zip")));
            file.setFileName("archive.zip");
            file.setDisposition(Part.ATTACHMENT);
            mixed.addBodyPart(file);
            message.setContent(mixed);
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(mail.size()).isGreaterThan(SIZE * 4 / 3);
            assertThat(mail.text()).isEqualTo("The archive is attached.\r\n");
            assertThat(mail.attachments()).hasSize(1);
            Attachment attachment = mail.attachments().get(0);
            assertThat(attachment.fileName()).hasValue("archive.zip");
            assertThat(attachment.contentType()).isEqualTo("application/zip");
            assertThat(attachment.size()).isEqualTo(SIZE);
            // compare digests: a failing byte-array comparison of 20 MiB would print megabytes
            assertThat(sha256(attachment.content())).isEqualTo(sha256(payload));
            assertThat(onlySession(server).transcriptText().length())
                    .as("the transcript elides the content").isLessThan(64 * 1024);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
