package dev.fakesmtp.support;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;

/**
 * Sends mail with Jakarta Mail / Angus Mail, the client most Java applications use, with every
 * client timeout at 5 seconds so that no test can hang on a socket.
 */
public final class AngusMail {

    /** How long a test waits for mail or a session to arrive. */
    public static final Duration WAIT = Duration.ofSeconds(5);

    private static final String TIMEOUT_MILLIS = "5000";

    private AngusMail() {
    }

    /** Host, port and timeouts for {@code port} of {@code server}, nothing about TLS or AUTH. */
    public static Properties plain(FakeSmtpServer server, int port) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", server.host());
        properties.setProperty("mail.smtp.port", String.valueOf(port));
        return withTimeouts(properties);
    }

    /** Host, port and timeouts for the main port of {@code server}. */
    public static Properties plain(FakeSmtpServer server) {
        return plain(server, server.port());
    }

    /** Sets the connect, read and write timeouts to 5 seconds; returns the same object. */
    public static Properties withTimeouts(Properties properties) {
        properties.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        return properties;
    }

    /** A text message from sender@example.com to rcpt@example.com. */
    public static MimeMessage message(Session session, String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom("sender@example.com");
        message.setRecipients(Message.RecipientType.TO, "rcpt@example.com");
        message.setSubject(subject);
        message.setText("Hello over " + subject + "\r\n");
        return message;
    }

    /** Sends one message without AUTH. */
    public static void send(Properties properties, String subject) throws MessagingException {
        Transport.send(message(Session.getInstance(properties), subject));
    }

    /** Sends one message, authenticating as {@code user} (set {@code mail.smtp.auth=true}). */
    public static void send(Properties properties, String user, String password, String subject)
            throws MessagingException {
        Transport.send(message(Session.getInstance(properties), subject), user, password);
    }

    /**
     * Sends one plain-text UTF-8 message to {@code server} the way applications do; a failure is
     * an unchecked {@link IllegalStateException}, for tests that only need the mail to arrive.
     */
    public static void send(FakeSmtpServer server, String from, String to, String subject, String text) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(plain(server)));
            message.setFrom(from);
            message.setRecipients(Message.RecipientType.TO, to);
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            Transport.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("Sending to " + server + " failed", e);
        }
    }

    /** Waits for the first message of {@code server}. */
    public static ReceivedMail awaitOne(FakeSmtpServer server) {
        return server.mailbox().awaitMessages(1, WAIT).get(0);
    }
}
