package dev.fakesmtp.junit5.examples;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/** The "code under test" of the README examples: an application service that sends mail. */
public final class WelcomeMailer {

    private final Properties properties = new Properties();

    /** A mailer for the SMTP server at host:port. */
    public WelcomeMailer(String host, int port) {
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
    }

    /** Sends the welcome mail now. */
    public void sendWelcome(String address) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(properties));
            message.setFrom(new InternetAddress("welcome@shop.test"));
            message.setRecipients(Message.RecipientType.TO, address);
            message.setSubject("Welcome!", "UTF-8");
            message.setText("Hello!\n\nYour account is ready.\n", "UTF-8");
            Transport.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the welcome mail in the background, as many applications do. */
    public CompletableFuture<Void> sendWelcomeLater(String address) {
        return CompletableFuture.runAsync(() -> sendWelcome(address));
    }
}
