package dev.fakesmtp.samples.jakartamail;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;

/**
 * Turns a {@link Notification} into a MIME message: text only; text and HTML as
 * {@code multipart/alternative}; with attachments, all that inside {@code multipart/mixed}.
 */
final class MimeComposer {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final Session session;
    private final InternetAddress from;
    private final Clock clock;

    MimeComposer(Session session, InternetAddress from, Clock clock) {
        this.session = session;
        this.from = from;
        this.clock = clock;
    }

    /** The message with headers for every recipient, whichever of them it is sent to this time. */
    SentMessage compose(Notification notification) throws MessagingException {
        SentMessage message = new SentMessage(session);
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO,
                InternetAddress.parse(String.join(",", notification.to()), true));
        message.setSubject(notification.subject(), UTF_8);
        message.setSentDate(Date.from(clock.instant()));
        if (notification.attachments().isEmpty()) {
            fillBody(message, notification);
        } else {
            MimeBodyPart body = new MimeBodyPart();
            fillBody(body, notification);
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            for (FileAttachment attachment : notification.attachments()) {
                mixed.addBodyPart(attachmentPart(attachment));
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    private static void fillBody(Part part, Notification notification) throws MessagingException {
        if (notification.html() == null) {
            setText(part, notification.text(), "plain");
            return;
        }
        MimeBodyPart text = new MimeBodyPart();
        setText(text, notification.text(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        setText(html, notification.html(), "html");
        part.setContent(new MimeMultipart("alternative", text, html));
    }

    private static void setText(Part part, String content, String subtype) throws MessagingException {
        if (part instanceof MimeMessage message) {
            message.setText(content, UTF_8, subtype);
        } else {
            ((MimeBodyPart) part).setText(content, UTF_8, subtype);
        }
    }

    private static MimeBodyPart attachmentPart(FileAttachment attachment) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
        part.setFileName(attachment.fileName());
        part.setDisposition(Part.ATTACHMENT);
        return part;
    }
}
