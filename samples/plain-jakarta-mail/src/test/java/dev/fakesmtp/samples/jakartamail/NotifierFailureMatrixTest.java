package dev.fakesmtp.samples.jakartamail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FailureCase;
import dev.fakesmtp.FailureKind;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.junit5.SmtpFailureMatrix;
import dev.fakesmtp.junit5.SmtpServer;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Timeout;

/**
 * The notifier against every way delivering a mail can fail: one test, run once per case of the
 * failure catalogue, each on a fresh submission server (STARTTLS and AUTH required) with the
 * case applied. Temporary failures hit the first attempt only, permanent ones every attempt.
 *
 * <p>The matrix found two kinds of bug in the notifier that the hand-written tests had missed (9
 * of 43 cases not handled): it sent a mail twice when the connection dropped or timed out after
 * the final dot, when the server already had it (the "did it arrive?" case, see
 * {@link DidItArriveTest}); and it gave up for good on six passing troubles: a 421 to EHLO and a
 * connection closed without a reply (Angus reports both as {@code [EOF]}), a 454 to STARTTLS and
 * to AUTH, a TLS handshake the server broke off, and STARTTLS missing from the EHLO reply.
 *
 * <p>Runs in parallel, each with its own server; a TIMEOUT case takes the client's read timeout
 * (two seconds here). After the matrix, the report is in
 * {@code target/fake-smtp-failure-matrix/}.
 */
@Timeout(30)
class NotifierFailureMatrixTest {

    private static final String ALICE = "alice@example.com";
    private static final String BOB = "bob@example.com";

    @SmtpServer
    FakeSmtpServer smtp = FakeSmtpServer.builder().requireTls().credentials("shop", "s3cret").requireAuth().build();

    private final RecordingSleeper sleeper = new RecordingSleeper();

    @SmtpFailureMatrix
    void notifierCopes(FailureCase failure, Mailbox mailbox) {
        DeliveryResult result = notifier(failure).send(Notification.of("Order shipped", "On its way.", ALICE, BOB));

        switch (failure.reaction()) {
            case RETRY, FALL_BACK -> {
                // The failure passes: everyone gets the mail, once.
                assertThat(result.status()).as(failure.description()).isEqualTo(DeliveryResult.Status.DELIVERED);
                assertThat(mailbox.messagesTo(ALICE)).hasSize(1);
                assertThat(mailbox.messagesTo(BOB)).hasSize(1);
            }
            case GIVE_UP -> {
                // Permanent: reported at once, not retried, and the refused never get it.
                assertThat(result.attempts()).as("attempts after: " + failure.description()).isOne();
                assertThat(result.rejections()).isNotEmpty().allSatisfy(rejection -> {
                    assertThat(rejection.permanent()).isTrue();
                    assertThat(mailbox.messagesTo(rejection.recipient())).isEmpty();
                });
            }
            case DO_NOT_RESEND -> {
                // The server has it although the client saw a failure: it must not arrive twice.
                assertThat(result.status()).as(failure.description()).isEqualTo(DeliveryResult.Status.UNCONFIRMED);
                assertThat(mailbox.messagesTo(ALICE)).hasSize(1);
                assertThat(mailbox.messagesTo(BOB)).hasSize(1);
            }
        }
    }

    /**
     * The notifier as the application builds it, with a short read timeout where the server is
     * meant to be late: elsewhere the server's 10 s stay, so a busy machine never fails a case by
     * a timeout the case did not ask for.
     */
    private Notifier notifier(FailureCase failure) {
        Properties properties = smtp.mailProperties();  // STARTTLS required, trusting this server's CA
        if (failure.kind() == FailureKind.TIMEOUT) {
            properties.setProperty("mail.smtp.timeout", "2000");
        }
        return Notifier.builder(properties)
                .from("noreply@shop.test")
                .credentials("shop", "s3cret")
                .retryPolicy(RetryPolicy.of(3, Duration.ofSeconds(1)))
                .sleeper(sleeper)
                .build();
    }
}
