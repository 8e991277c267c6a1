package dev.fakesmtp.e2e;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.TranscriptLine;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Jakarta Mail sessions pointed at a {@link FakeSmtpServer}, with every client timeout set so
 * that no end-to-end test can hang on a socket, and small shortcuts for the tests in this package.
 */
final class MailSessions {

    /** How long a test waits for mail to arrive. */
    static final Duration AWAIT = Duration.ofSeconds(5);

    private static final String CLIENT_TIMEOUT_MILLIS = "5000";

    private MailSessions() {
    }

    /** The SMTP properties for {@code server}: host, port and the three client timeouts. */
    static Properties properties(FakeSmtpServer server) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", server.host());
        properties.setProperty("mail.smtp.port", String.valueOf(server.port()));
        properties.setProperty("mail.smtp.connectiontimeout", CLIENT_TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.timeout", CLIENT_TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.writetimeout", CLIENT_TIMEOUT_MILLIS);
        return properties;
    }

    /** A fresh (never the default) session for {@code server}, plus extra {@code key, value} pairs. */
    static Session session(FakeSmtpServer server, String... extraKeyValues) {
        if (extraKeyValues.length % 2 != 0) {
            throw new IllegalArgumentException("Properties come in key/value pairs");
        }
        Properties properties = properties(server);
        for (int i = 0; i < extraKeyValues.length; i += 2) {
            properties.setProperty(extraKeyValues[i], extraKeyValues[i + 1]);
        }
        return Session.getInstance(properties);
    }

    /** A message with From, To and Subject set and no content yet. */
    static MimeMessage message(Session session, String from, String to, String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        return message;
    }

    /** The message as Jakarta Mail writes it; call {@code saveChanges()} first so nothing changes later. */
    static byte[] bytesOf(MimeMessage message) throws MessagingException, IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return bytes.toByteArray();
    }

    /** Waits for the first message to arrive and returns it. */
    static ReceivedMail awaitOne(FakeSmtpServer server) {
        return server.mailbox().awaitMessages(1, AWAIT).get(0);
    }

    /** The only session the server saw, for transcript assertions. */
    static SmtpSession onlySession(FakeSmtpServer server) {
        List<SmtpSession> sessions = server.sessions();
        if (sessions.size() != 1) {
            throw new AssertionError("Expected exactly one SMTP session but the server saw " + sessions.size());
        }
        return sessions.get(0);
    }

    /** The client's lines of the only session, e.g. {@code "MAIL FROM:<a@b> SMTPUTF8"}. */
    static List<String> clientLines(FakeSmtpServer server) {
        return onlySession(server).transcript().stream()
                .filter(line -> line.direction() == TranscriptLine.Direction.CLIENT)
                .map(TranscriptLine::text)
                .toList();
    }
}
