package dev.fakesmtp.samples.jakartamail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FailureCatalog;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.junit5.SmtpServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bug class the failure matrix caught in the notifier: after the final dot the server has
 * the message, then the connection drops before its 250. A client that treats that like any
 * other dropped connection and sends again delivers the mail twice (RFC 1047).
 */
@SmtpServer
@Timeout(30)
class DidItArriveTest {

    @Test
    void aPlainRetryLoopDeliversTheMailTwice(FakeSmtpServer smtp, Mailbox mailbox) throws MessagingException {
        FailureCatalog.byId("dot-disconnect-after-capture").applyTo(smtp);

        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                Transport.send(message(smtp));
                break;
            } catch (MessagingException e) {
                // "The connection failed, let us try again": the mistake.
            }
        }

        assertThat(mailbox.messagesTo("bob@example.com")).hasSize(2);
    }

    @Test
    void theNotifierReportsItUnconfirmedAndDoesNotSendAgain(FakeSmtpServer smtp, Mailbox mailbox) {
        FailureCatalog.byId("dot-disconnect-after-capture").applyTo(smtp);
        Notifier notifier = Notifier.builder(smtp.mailProperties())
                .from("noreply@shop.test")
                .retryPolicy(RetryPolicy.of(3, Duration.ZERO))
                .build();

        DeliveryResult result = notifier.send(Notification.of("Receipt", "Thanks", "bob@example.com"));

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.UNCONFIRMED);
        assertThat(result.attempts()).isOne();
        assertThat(result.delivered()).containsExactly("bob@example.com");
        assertThat(mailbox.messagesTo("bob@example.com")).hasSize(1);
    }

    private static MimeMessage message(FakeSmtpServer smtp) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(smtp.mailProperties()));
        message.setFrom("noreply@shop.test");
        message.setRecipients(Message.RecipientType.TO, "bob@example.com");
        message.setSubject("Receipt");
        message.setText("Thanks");
        return message;
    }
}
