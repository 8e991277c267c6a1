package dev.fakesmtp.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.support.Eventually;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * No false positives: Jakarta Mail (Eclipse Angus) with its defaults is a well-behaved client, so
 * a strict server accepts everything it sends and records no violation at all, in clear text and
 * with STARTTLS and AUTH, for plain, non-ASCII and multipart mail over one connection.
 */
@Timeout(30)
class WellBehavedClientTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void angusInClearTextProducesNoViolation() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().strict().build().start()) {
            Session session = Session.getInstance(server.mailProperties());
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                sendAll(session, transport);
            }
            assertNoViolations(server, 3);
        }
    }

    @Test
    void angusWithStartTlsAndAuthProducesNoViolation() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().strict().startTls().credentials("alice", "secret")
                .build().start()) {
            Properties properties = server.mailProperties();
            properties.put("mail.smtp.auth", "true");
            Session session = Session.getInstance(properties);
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect("alice", "secret");
                sendAll(session, transport);
            }
            List<ReceivedMail> mails = assertNoViolations(server, 3);
            assertThat(mails).allSatisfy(mail -> {
                assertThat(mail.envelope().tls()).isPresent();
                assertThat(mail.envelope().authenticatedUser()).contains("alice");
            });
        }
    }

    private static void sendAll(Session session, Transport transport) throws Exception {
        MimeMessage plain = message(session, "plain");
        plain.setText("Hello,\r\n.\r\n..a line with dots\r\n");
        MimeMessage international = message(session, "Gr\u00fc\u00dfe \u2014 \u65e5\u672c");
        international.setText("K\u00f6ln, \u00e4\u00f6\u00fc \u2014 \u65e5\u672c\u8a9e\r\n", "UTF-8");
        MimeMessage multipart = message(session, "report");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("see attached");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setContent(new byte[] {0, 1, 2, (byte) 0xff, '\r', '\n', '.'}, "application/octet-stream");
        attachment.setFileName("data.bin");
        multipart.setContent(new MimeMultipart(text, attachment));
        for (MimeMessage message : List.of(plain, international, multipart)) {
            message.saveChanges();
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    private static MimeMessage message(Session session, String subject) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("alice@example.com"));
        message.setRecipients(Message.RecipientType.TO, "bob@example.com, carol@example.com");
        message.setSubject(subject, "UTF-8");
        return message;
    }

    private static List<ReceivedMail> assertNoViolations(FakeSmtpServer server, int messages) {
        List<ReceivedMail> mails = server.mailbox().awaitMessages(messages, WAIT);
        Eventually.assertWithin(WAIT, () -> assertThat(server.sessions()).singleElement()
                .extracting(SmtpSession::end).isEqualTo(SessionEnd.QUIT));
        SmtpSession session = server.sessions().get(0);
        assertThat(session.violations()).as("transcript:%n%s", session.transcriptText()).isEmpty();
        assertThat(mails).allSatisfy(mail -> assertThat(mail.header("Message-ID")).isPresent());
        return mails;
    }
}
