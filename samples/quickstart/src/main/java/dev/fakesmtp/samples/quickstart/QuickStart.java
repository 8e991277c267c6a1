package dev.fakesmtp.samples.quickstart;

import dev.fakesmtp.Attachment;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.SmtpSession;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;

/**
 * The shortest real demonstration of fake-smtp: start a server, send a mail to it with Jakarta
 * Mail, print what the server captured. Exits with status 1 if the capture is not what was sent.
 * Run it with {@code ./mvnw -B -pl samples/quickstart -am -DskipTests verify}.
 */
public final class QuickStart {

    private QuickStart() {
    }

    /** Runs the demonstration. */
    public static void main(String[] args) throws MessagingException {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().hostname("mail.test").build().start()) {
            System.out.println("fake-smtp listening on " + smtp.host() + ":" + smtp.port());

            send(smtp.host(), smtp.port());

            ReceivedMail mail = smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            System.out.println("Envelope:    " + mail.envelope());
            System.out.println("Subject:     " + mail.subject());
            System.out.println("Text body:   " + mail.text().strip());
            for (Attachment attachment : mail.attachments()) {
                System.out.println("Attachment:  " + attachment);
            }
            SmtpSession session = smtp.sessions().get(0);
            System.out.println("Transcript of " + session.id() + ":\n" + session.transcriptText());

            boolean asSent = "Grüße aus dem Test".equals(mail.subject())
                    && mail.envelope().recipients().equals(java.util.List.of("bob@example.com", "carol@example.com"))
                    && mail.attachments().size() == 1;
            System.out.println(asSent ? "OK: the server captured the mail as sent." : "FAILED: the capture differs.");
            if (!asSent) {
                System.exit(1);
            }
        }
    }

    /** What an application would do: plain Jakarta Mail, pointed at the fake server. */
    private static void send(String host, int port) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
        Session session = Session.getInstance(properties);

        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("alice@example.com"));
        message.setRecipients(Message.RecipientType.TO, "bob@example.com");
        message.setRecipients(Message.RecipientType.BCC, "carol@example.com");
        message.setSubject("Grüße aus dem Test", "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Hello Bob, this mail never leaves the JVM.", "UTF-8");
        MimeBodyPart report = new MimeBodyPart();
        report.setContent("id,total\n1,42\n".getBytes(StandardCharsets.UTF_8), "text/csv");
        report.setFileName("report.csv");
        message.setContent(new MimeMultipart(text, report));
        Transport.send(message);
    }
}
