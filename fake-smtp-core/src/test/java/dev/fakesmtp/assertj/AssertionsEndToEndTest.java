package dev.fakesmtp.assertj;

import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;
import static dev.fakesmtp.assertj.MailMatcher.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.FakeSmtpServer;
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
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The assertions on mail sent by a real client (Jakarta Mail with Eclipse Angus), sent asynchronously. */
@Timeout(10)
class AssertionsEndToEndTest {

    private final FakeSmtpServer smtp = FakeSmtpServer.builder().build().start();

    @AfterEach
    void close() {
        smtp.close();
    }

    @Test
    void aMultipartMessageWithAnAttachmentSentInTheBackground() {
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> send("Your order", "alice@example.com", "bob@example.com"));

        assertThat(smtp.mailbox()).awaitMessageTo("bob@example.com", Duration.ofSeconds(5))
                .hasEnvelopeSender("shop@example.com")
                .hasEnvelopeRecipients("alice@example.com", "bob@example.com")
                .hasFrom("shop@example.com")
                .hasTo("alice@example.com")
                .hasCc("bob@example.com")
                .hasSubject("Your order ✓")
                .hasTextContaining("Grüße", "order 42")
                .hasHtmlContaining("<b>42</b>")
                .hasAttachments("invoice.pdf")
                .isEncodedCorrectly()
                .attachment("invoice.pdf").hasContentType("application/pdf").hasTextContent("%PDF-1.7");
        sending.join();
        assertThat(smtp).hasNoViolations().singleSession().endedWithQuit().hasMessageCount(1);
    }

    @Test
    void aMismatchNamesTheClosestMessage() {
        send("Your order", "alice@example.com");
        send("Newsletter", "bob@example.com");

        assertThatThrownBy(() -> assertThat(smtp.mailbox()).awaitMessages(2, Duration.ofSeconds(5))
                .hasMessage(mail().to("bob@example.com").subject("Your order ✓")))
                .hasMessageContaining("Closest match: message 1, which differs in:\n"
                        + "  recipient: expected <bob@example.com>\n"
                        + "             but was  [alice@example.com]\n"
                        + "It matches: subject \"Your order ✓\".");
        assertThat(smtp.sessions()).hasSize(2);
    }

    private void send(String subject, String to, String... cc) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", String.valueOf(smtp.port()));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(properties));
            message.setFrom(new InternetAddress("shop@example.com"));
            message.setRecipients(Message.RecipientType.TO, to);
            for (String address : cc) {
                message.addRecipients(Message.RecipientType.CC, address);
            }
            message.setSubject(subject + " ✓", "UTF-8");
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Grüße, Bob: order 42 ships today.", "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setContent("<p>Grüße, Bob: order <b>42</b> ships today.</p>", "text/html; charset=UTF-8");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            MimeBodyPart invoice = new MimeBodyPart();
            invoice.setContent("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), "application/pdf");
            invoice.setFileName("invoice.pdf");
            invoice.setDisposition(MimeBodyPart.ATTACHMENT);
            MimeMultipart mixed = new MimeMultipart("mixed", body, invoice);
            message.setContent(mixed);
            Transport.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
