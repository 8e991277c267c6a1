package dev.fakesmtp.samples.springmail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FailureCase;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.junit5.SmtpFailureMatrix;
import dev.fakesmtp.spring.AutoConfigureFakeSmtp;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The asynchronous welcome mail against every way delivering a mail can fail, on the context's
 * submission server (STARTTLS and AUTH required), which the matrix resets between cases. The
 * client's read timeout is two seconds here, so the TIMEOUT cases (two minutes late) end fast;
 * a context of its own, since the timeout differs from {@link ShopTest}'s.
 *
 * <p>The welcome mail prefers a duplicate to a lost mail (at least once): when the connection
 * drops after the final dot, it sends again, and the customer may get it twice (RFC 1047).
 */
@SpringBootTest(classes = ShopApplication.class, properties = {
    "shop.welcome-mail.retry-delay=10ms", "spring.mail.properties.mail.smtp.timeout=2000"})
@AutoConfigureFakeSmtp(startTls = true, requireAuth = true, username = "shop", password = "s3cret")
@Timeout(60)
class WelcomeMailFailureMatrixTest {

    private static final String CAROL = "carol@example.com";

    @Autowired
    WelcomeMailer welcomeMailer;

    @Autowired
    AccountStore accounts;

    @BeforeEach
    void noAccounts() {
        accounts.clear();
    }

    @SmtpFailureMatrix
    void theWelcomeMailCopes(FailureCase failure, Mailbox mailbox) throws Exception {
        Account carol = new Account(CAROL, "Carol", Account.WelcomeStatus.PENDING);
        accounts.add(carol);

        Account.WelcomeStatus status = welcomeMailer.sendWelcome(carol).get(30, TimeUnit.SECONDS);

        switch (failure.reaction()) {
            case RETRY, FALL_BACK -> {
                assertThat(status).as(failure.description()).isEqualTo(Account.WelcomeStatus.SENT);
                assertThat(mailbox.messagesTo(CAROL)).hasSize(1);
            }
            case GIVE_UP -> {
                assertThat(status).as(failure.description()).isEqualTo(Account.WelcomeStatus.FAILED);
                assertThat(mailbox.messagesTo(CAROL)).isEmpty();
            }
            case DO_NOT_RESEND -> {
                // At least once: it arrived, maybe twice.
                assertThat(status).as(failure.description()).isEqualTo(Account.WelcomeStatus.SENT);
                assertThat(mailbox.messagesTo(CAROL)).isNotEmpty();
            }
        }
        assertThat(accounts.find(CAROL)).get().extracting(Account::welcome).isEqualTo(status);
    }
}
