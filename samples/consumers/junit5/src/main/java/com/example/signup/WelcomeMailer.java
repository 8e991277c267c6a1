package com.example.signup;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/** The application's code under test in the README's examples: one welcome mail, with the terms attached. */
public class WelcomeMailer {

    private final Session session;

    public WelcomeMailer(String host, int port) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        this.session = Session.getInstance(properties);
    }

    public void sendWelcome(String recipient) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("welcome@shop.test"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
            message.setSubject("Welcome!", "UTF-8");
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Hello!\n\nYour account is ready.\n", "UTF-8");
            MimeBodyPart terms = new MimeBodyPart();
            terms.setContent("%PDF-1.4 terms".getBytes(StandardCharsets.US_ASCII), "application/pdf");
            terms.setFileName("terms.pdf");
            message.setContent(new MimeMultipart(text, terms));
            Transport.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not send the welcome mail to " + recipient, e);
        }
    }

    public CompletableFuture<Void> sendWelcomeLater(String recipient) {
        return CompletableFuture.runAsync(() -> sendWelcome(recipient));
    }
}
