package dev.fakesmtp.rules;

import dev.fakesmtp.FakeSmtpServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/**
 * Jakarta Mail (Angus) as a real client of a {@link FakeSmtpServer}, with every client timeout
 * bounded so that an end-to-end test can never hang on a socket.
 */
final class AngusClient {

    private static final String TIMEOUT_MILLIS = "5000";

    private AngusClient() {
    }

    /** Host, port and the three client timeouts, plus extra {@code key, value} pairs. */
    static Properties properties(FakeSmtpServer server, String... extraKeyValues) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", server.host());
        properties.setProperty("mail.smtp.port", String.valueOf(server.port()));
        properties.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        for (int i = 0; i < extraKeyValues.length; i += 2) {
            properties.setProperty(extraKeyValues[i], extraKeyValues[i + 1]);
        }
        return properties;
    }

    /** A message from a@example.com to {@code to} (comma-separated) with this subject and a short text. */
    static MimeMessage message(Properties properties, String subject, String to) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("a@example.com"));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        message.setSubject(subject);
        message.setText("Hello from Angus.");
        message.saveChanges();
        return message;
    }

    /** Connects, sends to every recipient of the message, and closes, as an application would. */
    static void send(MimeMessage message) throws MessagingException {
        try (Transport transport = message.getSession().getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    /** {@link #send(MimeMessage)} with a message built from {@code properties}. */
    static void send(Properties properties, String subject, String to) throws MessagingException {
        send(message(properties, subject, to));
    }
}
