package dev.fakesmtp.samples.jakartamail;

import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.junit5.SmtpServer;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A server slower than the client's read timeout ({@code mail.smtp.timeout}) is a transient failure. */
@SmtpServer
@Timeout(30)
class TimeoutTest {

    private final RecordingSleeper sleeper = new RecordingSleeper();

    /** The server's delay: far beyond the client's read timeout. */
    private static final Duration SLOW = Duration.ofSeconds(20);

    /**
     * The server's properties with a 2 s read timeout instead of 10 s: short enough for a quick
     * test, long enough that a busy machine never times out where the server is not slow.
     */
    private Notifier impatientNotifier(FakeSmtpServer smtp) {
        Properties properties = smtp.mailProperties();
        properties.put("mail.smtp.timeout", "2000");
        return Notifier.builder(properties)
                .from("noreply@shop.test")
                .retryPolicy(RetryPolicy.of(2, Duration.ofMillis(10)))
                .sleeper(sleeper)
                .build();
    }

    @Test
    void aSlowServerTimesOutAndTheRetryDelivers(FakeSmtpServer smtp, Mailbox mailbox) {
        smtp.on(Trigger.mailFrom()).once().delay(SLOW);

        DeliveryResult result = impatientNotifier(smtp).send(Notification.of("Receipt", "Thanks", "bob@example.com"));

        assertThat(result.isDelivered()).isTrue();
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(mailbox).singleMessage().hasSubject("Receipt");
    }

    @Test
    void aServerThatStaysSlowIsReportedAsATimeout(FakeSmtpServer smtp, Mailbox mailbox) {
        smtp.on(Trigger.mailFrom()).delay(SLOW);

        DeliveryResult result = impatientNotifier(smtp).send(Notification.of("Receipt", "Thanks", "bob@example.com"));

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.FAILED);
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.replyCode()).isZero();
            assertThat(rejection.reason()).contains("SocketTimeoutException");
            assertThat(rejection.permanent()).isFalse();
        });
        assertThat(mailbox).isEmpty();
        assertThat(smtp).hasSessionCount(2);
    }
}
