package dev.fakesmtp.samples.jakartamail;

import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.Violation;
import dev.fakesmtp.junit5.SmtpServer;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * STARTTLS with AUTH, as a real submission server wants it. The server's TLS material is a test
 * CA; the notifier trusts exactly that CA through {@code smtp.mailProperties()}, hostname checked.
 * No {@code failOnViolations} here: after a refused login Angus leaves without QUIT, which the
 * server rightly records as a violation.
 */
@Timeout(30)
class StartTlsAuthTest {

    @SmtpServer
    static FakeSmtpServer smtp = FakeSmtpServer.builder()
            .requireTls()
            .credentials("shop", "s3cret")
            .requireAuth()
            .build();

    @Test
    void sendsOverTlsAfterLoggingIn(Mailbox mailbox) {
        Notifier notifier = Notifier.builder(smtp.mailProperties())
                .from("noreply@shop.test")
                .credentials("shop", "s3cret")
                .build();

        DeliveryResult result = notifier.send(Notification.of("Password changed", "Your password was changed.",
                "bob@example.com"));

        assertThat(result.isDelivered()).isTrue();
        assertThat(mailbox).singleMessage()
                .wasSentOverTls()
                .hasAuthenticatedUser("shop")
                .hasSubject("Password changed");
        assertThat(smtp).hasNoViolations().singleSession().hasCommand("STARTTLS").usedTls().hasAuthenticatedUser("shop");
    }

    @Test
    void aWrongPasswordIsAPermanentFailure(Mailbox mailbox) {
        Notifier notifier = Notifier.builder(smtp.mailProperties())
                .from("noreply@shop.test")
                .credentials("shop", "wrong")
                .retryPolicy(RetryPolicy.of(3, Duration.ZERO))
                .build();

        DeliveryResult result = notifier.send(Notification.of("Password changed", "...", "bob@example.com"));

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.FAILED);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.permanent()).isTrue();
            assertThat(rejection.replyCode()).isEqualTo(535);
        });
        assertThat(mailbox).isEmpty();
        // Angus drops the connection after a refused login, without QUIT: the server records that
        // once it notices, so wait for the session to end before asserting on it.
        smtp.sessions().get(0).awaitEnd(Duration.ofSeconds(10));
        assertThat(smtp).singleSession().hasReply("535 5.7.8").hasViolation(Violation.Type.NO_QUIT);
    }

    @Test
    void aClientThatDoesNotTrustTheServerFailsPermanently(Mailbox mailbox) {
        // Only host and port: the JDK's default trust store does not know the test CA.
        Properties untrusting = new Properties();
        untrusting.put("mail.smtp.host", smtp.host());
        untrusting.put("mail.smtp.port", String.valueOf(smtp.port()));
        untrusting.put("mail.smtp.starttls.enable", "true");
        untrusting.put("mail.smtp.starttls.required", "true");
        untrusting.put("mail.smtp.timeout", "10000");
        Notifier notifier = Notifier.builder(untrusting).from("noreply@shop.test").credentials("shop", "s3cret").build();

        DeliveryResult result = notifier.send(Notification.of("Password changed", "...", "bob@example.com"));

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.FAILED);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.rejections()).singleElement()
                .satisfies(rejection -> assertThat(rejection.reason()).contains("SSLHandshakeException"));
        assertThat(mailbox).isEmpty();
    }
}
