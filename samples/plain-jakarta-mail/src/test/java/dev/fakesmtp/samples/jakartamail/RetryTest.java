package dev.fakesmtp.samples.jakartamail;

import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.junit5.SmtpServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Transient failures (4xx) are retried with back-off; permanent ones (5xx) are reported at once. */
@SmtpServer(failOnViolations = true)
@Timeout(30)
class RetryTest {

    private final RecordingSleeper sleeper = new RecordingSleeper();

    private Notifier notifier(FakeSmtpServer smtp, int attempts) {
        return Notifier.builder(smtp.mailProperties())
                .from("noreply@shop.test")
                .retryPolicy(RetryPolicy.of(attempts, Duration.ofMillis(100)))
                .sleeper(sleeper)
                .build();
    }

    @Test
    void retriesAfterTwoRefusedConnections(FakeSmtpServer smtp, Mailbox mailbox) {
        smtp.on(Trigger.connect()).times(2).reply(421, "4.3.2 Service not available, try again later");

        DeliveryResult result = notifier(smtp, 3).send(Notification.of("Order shipped", "On its way.", "bob@example.com"));

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.DELIVERED);
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(mailbox).singleMessage().hasEnvelopeRecipients("bob@example.com").hasSubject("Order shipped");
        assertThat(smtp).hasSessionCount(3);
        assertThat(smtp.sessions().get(0)).hasReply("421 4.3.2");
    }

    @Test
    void retriesAMessageRefusedAtTheEndOfData(FakeSmtpServer smtp, Mailbox mailbox) {
        smtp.on(Trigger.endOfData()).once().reply(451, "4.3.0 Try again later");

        DeliveryResult result = notifier(smtp, 3).send(Notification.of("Order shipped", "On its way.", "bob@example.com"));

        assertThat(result.isDelivered()).isTrue();
        assertThat(result.attempts()).isEqualTo(2);
        // The refused attempt left nothing behind: exactly one mail.
        assertThat(mailbox).hasSize(1);
        assertThat(smtp).hasSessionCount(2);
    }

    @Test
    void givesUpWhenTheServerStaysUnavailable(FakeSmtpServer smtp, Mailbox mailbox) {
        smtp.on(Trigger.connect()).reply(421, "4.3.2 Down for maintenance");

        DeliveryResult result = notifier(smtp, 3).send(Notification.of("Order shipped", "On its way.", "bob@example.com"));

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.FAILED);
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.rejectionOf("bob@example.com")).get()
                .satisfies(rejection -> {
                    assertThat(rejection.replyCode()).isEqualTo(421);
                    assertThat(rejection.permanent()).isFalse();
                    assertThat(rejection.reason()).contains("Down for maintenance");
                });
        assertThat(mailbox).isEmpty();
    }

    @Test
    void doesNotRetryAPermanentRefusal(FakeSmtpServer smtp, Mailbox mailbox) {
        smtp.on(Trigger.endOfData()).reply(554, "5.7.1 Message rejected as spam");

        DeliveryResult result = notifier(smtp, 3).send(Notification.of("Cheap watches", "Buy now", "bob@example.com"));

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.FAILED);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.replyCode()).isEqualTo(554);
            assertThat(rejection.permanent()).isTrue();
            assertThat(rejection.reason()).contains("5.7.1 Message rejected as spam");
        });
        assertThat(sleeper.delays()).isEmpty();
        assertThat(mailbox).isEmpty();
        assertThat(smtp).singleSession().hasReply("554 5.7.1");
    }

    @Test
    void theDefaultSleeperReallyWaits(FakeSmtpServer smtp, Mailbox mailbox) {
        smtp.on(Trigger.connect()).once().reply(421, "4.3.2 Try again later");
        Notifier notifier = Notifier.builder(smtp.mailProperties())
                .from("noreply@shop.test")
                .retryPolicy(RetryPolicy.of(2, Duration.ofMillis(1)))  // tiny: the test stays fast
                .build();

        DeliveryResult result = notifier.send(Notification.of("Order shipped", "On its way.", "bob@example.com"));

        assertThat(result.attempts()).isEqualTo(2);
        assertThat(mailbox).hasSize(1);
    }
}
