package dev.fakesmtp.browser.support;

import dev.fakesmtp.FakeSmtpServer;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.imageio.ImageIO;

/**
 * Builds and sends, with Jakarta Mail (Eclipse Angus) as applications do, a mail with a text
 * body, an HTML body, images embedded by Content-ID and attachments.
 */
public final class Newsletter {

    private final String subject;
    private String from = "news@shop.test";
    private String to = "bob@example.com";
    private String text = "";
    private String html;
    private final List<MimeBodyPart> inline = new ArrayList<>();
    private final List<MimeBodyPart> attachments = new ArrayList<>();

    private Newsletter(String subject) {
        this.subject = subject;
    }

    /** A mail with this subject. */
    public static Newsletter subject(String subject) {
        return new Newsletter(subject);
    }

    /** The envelope and header sender. */
    public Newsletter from(String address) {
        this.from = address;
        return this;
    }

    /** The one recipient. */
    public Newsletter to(String address) {
        this.to = address;
        return this;
    }

    /** The text body. */
    public Newsletter text(String body) {
        this.text = body;
        return this;
    }

    /** The HTML body. */
    public Newsletter html(String body) {
        this.html = body;
        return this;
    }

    /** An image the HTML refers to as {@code cid:<contentId>}. */
    public Newsletter inlineImage(String contentId, byte[] png) {
        inline.add(part(png, "image/png", null, contentId));
        return this;
    }

    /** An attachment. */
    public Newsletter attach(String fileName, String contentType, byte[] content) {
        attachments.add(part(content, contentType, fileName, null));
        return this;
    }

    /** Sends it to the server (plain SMTP, 5 s timeouts). */
    public void sendTo(FakeSmtpServer server) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", server.host());
        properties.put("mail.smtp.port", String.valueOf(server.port()));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(properties));
            message.setFrom(from);
            message.setRecipients(Message.RecipientType.TO, to);
            message.setSubject(subject, "UTF-8");
            message.setContent(body());
            Transport.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("Sending to " + server + " failed", e);
        }
    }

    private MimeMultipart body() throws MessagingException {
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8");
        alternative.addBodyPart(textPart);
        if (html != null) {
            MimeMultipart related = new MimeMultipart("related");
            MimeBodyPart htmlPart = new MimeBodyPart();
            htmlPart.setText(html, "UTF-8", "html");
            related.addBodyPart(htmlPart);
            for (MimeBodyPart image : inline) {
                related.addBodyPart(image);
            }
            MimeBodyPart relatedPart = new MimeBodyPart();
            relatedPart.setContent(related);
            alternative.addBodyPart(relatedPart);
        }
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart alternativePart = new MimeBodyPart();
        alternativePart.setContent(alternative);
        mixed.addBodyPart(alternativePart);
        for (MimeBodyPart attachment : attachments) {
            mixed.addBodyPart(attachment);
        }
        return mixed;
    }

    private static MimeBodyPart part(byte[] content, String type, String fileName, String contentId) {
        try {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
            if (fileName != null) {
                part.setFileName(fileName);
                part.setDisposition(MimeBodyPart.ATTACHMENT);
            } else {
                part.setDisposition(MimeBodyPart.INLINE);
                part.setContentID("<" + contentId + ">");
            }
            part.setHeader("Content-Transfer-Encoding", "base64");
            return part;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PNG of {@code width} x {@code height} pixels: a coloured band with a white bar. */
    public static byte[] png(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(rgb));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(width / 10, height / 3, width * 8 / 10, height / 3);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
