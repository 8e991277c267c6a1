package dev.fakesmtp.e2e;

import static dev.fakesmtp.e2e.MailSessions.awaitOne;
import static dev.fakesmtp.e2e.MailSessions.message;
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
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The MIME view of messages built and sent by Jakarta Mail / Angus: bodies, attachments, inline parts. */
@Timeout(30)
class MimeStructureE2ETest {

    @Test
    void plainTextMail() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            MimeMessage message = message(session(server), "alice@example.com", "bob@example.com", "Plain");
            message.setText("Hello Bob,\r\nsee you at 10.\r\n", "UTF-8");
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(mail.subject()).isEqualTo("Plain");
            assertThat(mail.from()).containsExactly("alice@example.com");
            assertThat(mail.to()).containsExactly("bob@example.com");
            assertThat(mail.cc()).isEmpty();
            assertThat(mail.text()).isEqualTo("Hello Bob,\r\nsee you at 10.\r\n");
            assertThat(mail.html()).isNull();
            assertThat(mail.attachments()).isEmpty();
            assertThat(mail.inlineParts()).isEmpty();
            assertThat(mail.header("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain").containsIgnoringCase("charset=UTF-8"));
            assertThat(mail.mimeMessage().getMessageID()).isEqualTo(message.getMessageID());
        }
    }

    @Test
    void htmlOnlyMail() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            MimeMessage message = message(session(server), "alice@example.com", "bob@example.com", "HTML only");
            // SMTP cannot carry a message that does not end in CRLF (the client adds one), so the body has one.
            String html = "<html><body><h1>Hi</h1><p>Caf\u00e9 &amp; cr\u00e8me</p></body></html>\r\n";
            message.setContent(html, "text/html; charset=UTF-8");
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(mail.html()).isEqualTo(html);
            assertThat(mail.text()).isNull();
            assertThat(mail.attachments()).isEmpty();
            assertThat(mail.inlineParts()).isEmpty();
            assertThat(mail.mimeMessage().isMimeType("text/html")).isTrue();
        }
    }

    @Test
    void alternativeTextAndHtml() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            MimeMessage message = message(session(server), "alice@example.com", "bob@example.com", "Both");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(textPart("Plain version \u00fc\r\n", "plain"));
            alternative.addBodyPart(textPart("<p>HTML version \u00fc</p>", "html"));
            message.setContent(alternative);
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(mail.mimeMessage().isMimeType("multipart/alternative")).isTrue();
            assertThat(mail.text()).isEqualTo("Plain version \u00fc\r\n");
            assertThat(mail.html()).isEqualTo("<p>HTML version \u00fc</p>");
            assertThat(mail.attachments()).isEmpty();
            assertThat(mail.inlineParts()).isEmpty();
        }
    }

    @Test
    void mixedWithBinaryAndNonAsciiNamedAttachments() throws Exception {
        byte[] pdf = new byte[512];
        for (int i = 0; i < pdf.length; i++) {
            pdf[i] = (byte) i; // every byte value, twice
        }
        byte[] summary = "Zusammenfassung: \u00e4\u00f6\u00fc \u00df \u20ac\r\nZeile 2\r\n".getBytes(StandardCharsets.UTF_8);
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            MimeMessage message = message(session(server), "alice@example.com", "bob@example.com", "Report");
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(textPart("See the attachments.\r\n", "plain"));
            mixed.addBodyPart(attachment(pdf, "application/pdf", "report.pdf"));
            mixed.addBodyPart(attachment(summary, "text/plain; charset=UTF-8", "\u00dcbersicht.txt"));
            message.setContent(mixed);
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(mail.text()).isEqualTo("See the attachments.\r\n");
            assertThat(mail.html()).isNull();
            assertThat(mail.inlineParts()).isEmpty();
            assertThat(mail.attachments()).hasSize(2);

            Attachment first = mail.attachments().get(0);
            assertThat(first.fileName()).hasValue("report.pdf");
            assertThat(first.contentType()).isEqualTo("application/pdf");
            assertThat(first.isInline()).isFalse();
            assertThat(first.size()).isEqualTo(512);
            assertThat(first.content()).isEqualTo(pdf);

            Attachment second = mail.attachments().get(1);
            assertThat(second.fileName()).hasValue("\u00dcbersicht.txt");
            assertThat(second.contentType()).isEqualTo("text/plain");
            assertThat(second.isInline()).isFalse();
            assertThat(second.content()).isEqualTo(summary);
            assertThat(second.contentAsString(StandardCharsets.UTF_8))
                    .isEqualTo("Zusammenfassung: \u00e4\u00f6\u00fc \u00df \u20ac\r\nZeile 2\r\n");
        }
    }

    @Test
    void relatedWithInlineImage() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', (byte) 0xff};
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            MimeMessage message = message(session(server), "alice@example.com", "bob@example.com", "Newsletter");
            MimeMultipart related = new MimeMultipart("related");
            related.addBodyPart(textPart("<p>Logo: <img src=\"cid:logo@fake-smtp.test\"></p>", "html"));
            MimeBodyPart image = new MimeBodyPart();
            image.setDataHandler(new DataHandler(new ByteArrayDataSource(png, "image/png")));
            image.setContentID("<logo@fake-smtp.test>");
            image.setDisposition(Part.INLINE);
            image.setFileName("logo.png");
            related.addBodyPart(image);
            message.setContent(related);
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(mail.html()).isEqualTo("<p>Logo: <img src=\"cid:logo@fake-smtp.test\"></p>");
            assertThat(mail.text()).isNull();
            assertThat(mail.attachments()).isEmpty();
            assertThat(mail.inlineParts()).hasSize(1);
            Attachment inline = mail.inlineParts().get(0);
            assertThat(inline.isInline()).isTrue();
            assertThat(inline.contentId()).hasValue("logo@fake-smtp.test");
            assertThat(inline.contentType()).isEqualTo("image/png");
            assertThat(inline.fileName()).hasValue("logo.png");
            assertThat(inline.content()).isEqualTo(png);
        }
    }

    @Test
    void alternativeNestedInMixedWithRelatedHtml() throws Exception {
        byte[] gif = "GIF89a\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            MimeMessage message = message(session(server), "alice@example.com", "bob@example.com", "Nested");
            MimeBodyPart image = new MimeBodyPart();
            image.setDataHandler(new DataHandler(new ByteArrayDataSource(gif, "image/gif")));
            image.setContentID("<dot@fake-smtp.test>");
            image.setDisposition(Part.INLINE);
            MimeMultipart related = new MimeMultipart("related");
            related.addBodyPart(textPart("<img src=\"cid:dot@fake-smtp.test\">", "html"));
            related.addBodyPart(image);
            MimeBodyPart relatedPart = new MimeBodyPart();
            relatedPart.setContent(related);
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(textPart("text body\r\n", "plain"));
            alternative.addBodyPart(relatedPart);
            MimeBodyPart alternativePart = new MimeBodyPart();
            alternativePart.setContent(alternative);
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(alternativePart);
            mixed.addBodyPart(attachment("a,b\r\n1,2\r\n".getBytes(StandardCharsets.US_ASCII), "text/csv", "data.csv"));
            message.setContent(mixed);
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(mail.text()).isEqualTo("text body\r\n");
            assertThat(mail.html()).isEqualTo("<img src=\"cid:dot@fake-smtp.test\">");
            assertThat(mail.inlineParts()).singleElement().satisfies(part -> {
                assertThat(part.contentId()).hasValue("dot@fake-smtp.test");
                assertThat(part.fileName()).isEmpty();
                assertThat(part.content()).isEqualTo(gif);
            });
            assertThat(mail.attachments()).singleElement().satisfies(part -> {
                assertThat(part.fileName()).hasValue("data.csv");
                assertThat(part.contentType()).isEqualTo("text/csv");
                assertThat(part.contentAsString(StandardCharsets.US_ASCII)).isEqualTo("a,b\r\n1,2\r\n");
            });
        }
    }

    private static MimeBodyPart textPart(String text, String subtype) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, "UTF-8", subtype);
        return part;
    }

    private static MimeBodyPart attachment(byte[] content, String contentType, String fileName) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, contentType)));
        part.setFileName(fileName);
        part.setDisposition(Part.ATTACHMENT);
        return part;
    }
}
