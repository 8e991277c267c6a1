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

/** One refused recipient does not cost the others their mail ({@code mail.smtp.sendpartial}). */
@SmtpServer(failOnViolations = true)
@Timeout(30)
class PartialDeliveryTest {

    private final RecordingSleeper sleeper = new RecordingSleeper();

    private Notifier notifier(FakeSmtpServer smtp) {
        return Notifier.builder(smtp.mailProperties())
                .from("news@shop.test")
                .retryPolicy(RetryPolicy.of(3, Duration.ofMillis(50)))
                .sleeper(sleeper)
                .build();
    }

    @Test
    void deliversToTheOthersWhenOneRecipientIsUnknown(FakeSmtpServer smtp, Mailbox mailbox) {
        smtp.on(Trigger.rcptTo("bob@example.com")).reply(550, "5.1.1 No such user");

        DeliveryResult result = notifier(smtp).send(Notification.of("Newsletter", "News of the week",
                "alice@example.com", "bob@example.com", "carol@example.com"));

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.PARTIALLY_DELIVERED);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.delivered()).containsExactly("alice@example.com", "carol@example.com");
        assertThat(result.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.recipient()).isEqualTo("bob@example.com");
            assertThat(rejection.replyCode()).isEqualTo(550);
            assertThat(rejection.reason()).contains("5.1.1 No such user");
            assertThat(rejection.permanent()).isTrue();
        });
        // The envelope has only the accepted recipients; the To header still names all three.
        assertThat(mailbox).singleMessage()
                .hasEnvelopeRecipients("alice@example.com", "carol@example.com")
                .hasTo("alice@example.com", "bob@example.com", "carol@example.com");
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void retriesOnlyTheRecipientWhoseMailboxWasTemporarilyFull(FakeSmtpServer smtp, Mailbox mailbox) {
        smtp.on(Trigger.rcptTo("bob@example.com")).once().reply(452, "4.2.2 Mailbox full");

        DeliveryResult result = notifier(smtp).send(Notification.of("Newsletter", "News of the week",
                "alice@example.com", "bob@example.com"));

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.DELIVERED);
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.delivered()).containsExactly("alice@example.com", "bob@example.com");
        assertThat(mailbox).hasSize(2);
        assertThat(mailbox).messageAt(0).hasEnvelopeRecipients("alice@example.com");
        assertThat(mailbox).messageAt(1).hasEnvelopeRecipients("bob@example.com");
        assertThat(sleeper.delays()).containsExactly(Duration.ofMillis(50));
    }

    @Test
    void failsWhenEveryRecipientIsRefused(FakeSmtpServer smtp, Mailbox mailbox) {
        smtp.on(Trigger.rcptTo()).reply(550, "5.7.1 Relaying denied");

        DeliveryResult result = notifier(smtp).send(Notification.of("Newsletter", "News",
                "alice@example.com", "bob@example.com"));

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.FAILED);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.rejections()).extracting(Rejection::recipient)
                .containsExactly("alice@example.com", "bob@example.com");
        assertThat(result.rejections()).allSatisfy(rejection -> assertThat(rejection.replyCode()).isEqualTo(550));
        assertThat(mailbox).isEmpty();
    }
}
