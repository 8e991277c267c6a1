package dev.fakesmtp.assertj;

import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;
import static dev.fakesmtp.assertj.MailMatcher.mail;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.MailboxTimeoutError;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.internal.MailboxImpl;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class MailboxAwaitTest {

    private final MailboxImpl mailbox = new MailboxImpl(() -> "");
    private CompletableFuture<Void> delivery = CompletableFuture.completedFuture(null);

    @AfterEach
    void deliveryFinished() {
        delivery.join();
    }

    @Test
    void awaitsMessagesThatArriveLater() {
        deliverSoon(Mails.mail("shop@example.com", "bob@example.com", "Your order", "text"),
                Mails.mail("shop@example.com", "alice@example.com", "Your order", "text"));

        assertThat(mailbox).awaitMessages(2, Duration.ofSeconds(5)).hasSize(2);
    }

    @Test
    void awaitsAMatchingMessageAndNavigatesToIt() {
        deliverSoon(Mails.mail("news@example.com", "bob@example.com", "Newsletter", "text"),
                Mails.mail("shop@example.com", "bob@example.com", "Your order", "Order 42"));

        assertThat(mailbox).awaitMessage(mail().subject("Your order"), Duration.ofSeconds(5)).hasTextContaining("42");
        assertThat(mailbox).awaitMessageTo("bob@example.com", Duration.ofSeconds(5)).hasEnvelopeRecipients("bob@example.com");
    }

    @Test
    void aTimeoutListsWhatArrivedAndKeepsTheMailboxErrorAsCause() {
        mailbox.add(Mails.mail("shop@example.com", "alice@example.com", "Your order", "text"));

        assertThatThrownBy(() -> assertThat(mailbox).awaitMessages(2, Duration.ofMillis(50)))
                .hasMessage("Expecting the mailbox to receive 2 messages within PT0.05S, but the mailbox has 1 message:\n"
                        + "  1. from <shop@example.com> to [alice@example.com], subject \"Your order\" (session s1)")
                .hasCauseInstanceOf(MailboxTimeoutError.class);
    }

    @Test
    void aTimeoutForAMatchingMessageShowsTheClosestMatch() {
        mailbox.add(Mails.mail("shop@example.com", "alice@example.com", "Your order", "text"));

        assertThatThrownBy(() -> assertThat(mailbox).awaitMessageTo("bob@example.com", Duration.ofMillis(50)))
                .hasMessage("Expecting the mailbox to receive a message with recipient <bob@example.com> within PT0.05S,\n"
                        + "but its one message did not match:\n"
                        + "  1. from <shop@example.com> to [alice@example.com], subject \"Your order\" (session s1)\n"
                        + "\n"
                        + "Closest match: message 1, which differs in:\n"
                        + "  recipient: expected <bob@example.com>\n"
                        + "             but was  [alice@example.com]")
                .hasCauseInstanceOf(MailboxTimeoutError.class);
    }

    private void deliverSoon(ReceivedMail... mails) {
        delivery = CompletableFuture.runAsync(() -> {
            for (ReceivedMail mail : mails) {
                mailbox.add(mail);
            }
        });
    }
}
