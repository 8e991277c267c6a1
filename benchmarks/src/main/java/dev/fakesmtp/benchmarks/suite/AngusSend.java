package dev.fakesmtp.benchmarks.suite;

import dev.fakesmtp.benchmarks.driver.Loopback;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/**
 * What each test of the suite scenario does, as a user's test would: one message of about 2 KB
 * through Jakarta Mail's {@code Transport.send} (Eclipse Angus), which opens a connection, says
 * EHLO, sends the message without pipelining and QUITs.
 */
final class AngusSend {

    /** About 2 KB of text: the message is a little larger once Angus adds its headers. */
    private static final String BODY = ("Line of the benchmark body, plain ASCII text that wraps at about seventy-six.\r\n")
            .repeat(26);

    private AngusSend() {
    }

    /** Jakarta Mail properties for a server on 127.0.0.1:{@code port}, with bounded waits. */
    static Properties to(int port) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", Loopback.ADDRESS.getHostAddress());
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        return properties;
    }

    /** Sends one message with these properties, in a new Session, as a test would. */
    static void send(Properties properties) throws MessagingException {
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom("sender@bench.test");
        message.setRecipients(Message.RecipientType.TO, "recipient@bench.test");
        message.setSubject("Benchmark message");
        message.setText(BODY);
        Transport.send(message);
    }
}
