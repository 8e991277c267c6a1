package dev.fakesmtp.samples.jakartamail;

import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;
import static dev.fakesmtp.assertj.MailMatcher.mail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.junit5.SmtpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The notifier's mails arrive as composed: bodies, attachments, headers, a clean dialogue. */
@SmtpServer(failOnViolations = true)
@Timeout(30)
class DeliveryTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void sendsATextMail(FakeSmtpServer smtp, Mailbox mailbox) {
        Notifier notifier = Notifier.builder(smtp.mailProperties()).from("noreply@shop.test").build();

        DeliveryResult result = notifier.send(Notification.of("Grüße", "Hello Bob, your order shipped.",
                "bob@example.com"));

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.DELIVERED);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(mailbox).singleMessage()
                .hasEnvelopeSender("noreply@shop.test")
                .hasEnvelopeRecipients("bob@example.com")
                .hasFrom("noreply@shop.test")
                .hasSubject("Grüße")
                .hasText("Hello Bob, your order shipped.")
                .hasNoHtml()
                .hasNoAttachments()
                .hasHeader("Date")
                .isEncodedCorrectly();
        assertThat(smtp).singleSession().endedWithQuit();
    }

    @Test
    void sendsHtmlWithAttachmentsToSeveralRecipients(FakeSmtpServer smtp, Mailbox mailbox) {
        Notifier notifier = Notifier.builder(smtp.mailProperties()).from("billing@shop.test").build();
        byte[] pdf = "%PDF-1.7 invoice 42".getBytes(StandardCharsets.US_ASCII);
        byte[] csv = "item,price\nbook,12.50\n".getBytes(StandardCharsets.UTF_8);

        DeliveryResult result = notifier.send(
                Notification.of("Invoice 42", "Invoice 42 is attached.", "bob@example.com", "carol@example.com")
                        .withHtml("<p>Invoice <b>42</b> is attached.</p>")
                        .withAttachment(FileAttachment.of("invoice-42.pdf", "application/pdf", pdf))
                        .withAttachment(FileAttachment.of("items.csv", "text/csv", csv)));

        assertThat(result.isDelivered()).isTrue();
        assertThat(result.delivered()).containsExactly("bob@example.com", "carol@example.com");
        // One transaction for both recipients: one captured mail.
        assertThat(mailbox).hasSize(1).singleMessage()
                .hasEnvelopeRecipients("bob@example.com", "carol@example.com")
                .hasTo("bob@example.com", "carol@example.com")
                .hasTextContaining("Invoice 42 is attached.")
                .hasHtmlContaining("<b>42</b>")
                .hasAttachments("invoice-42.pdf", "items.csv")
                .isEncodedCorrectly();
        assertThat(mailbox).singleMessage().attachment("invoice-42.pdf")
                .hasContentType("application/pdf").hasContent(pdf);
        assertThat(mailbox).singleMessage().attachment("items.csv").hasContentType("text/csv");
    }

    @Test
    void sendsOneMailPerNotification(FakeSmtpServer smtp, Mailbox mailbox) {
        Notifier notifier = Notifier.builder(smtp.mailProperties()).from("noreply@shop.test").build();

        notifier.send(Notification.of("First", "one", "bob@example.com"));
        notifier.send(Notification.of("Second", "two", "alice@example.com"));

        assertThat(mailbox).awaitMessages(2, WAIT)
                .hasExactlyMessages(mail().to("bob@example.com").subject("First"),
                        mail().to("alice@example.com").subject("Second"));
    }
}
