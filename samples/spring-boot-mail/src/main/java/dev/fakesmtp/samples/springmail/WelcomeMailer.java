package dev.fakesmtp.samples.springmail;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

/**
 * Sends the welcome mail on Spring's task executor. A transient failure is retried after
 * {@code shop.welcome-mail.retry-delay}; when the mail cannot be delivered, the account is marked
 * and the operations team gets a mail about it.
 */
@Service
public class WelcomeMailer {

    private static final Logger LOG = LoggerFactory.getLogger(WelcomeMailer.class);

    private final JavaMailSender mailSender;
    private final AccountStore accounts;
    private final OpsAlerts opsAlerts;
    private final ShopProperties shop;

    /** Wires the mail sender, the accounts, the alerts and the settings. */
    public WelcomeMailer(JavaMailSender mailSender, AccountStore accounts, OpsAlerts opsAlerts, ShopProperties shop) {
        this.mailSender = mailSender;
        this.accounts = accounts;
        this.opsAlerts = opsAlerts;
        this.shop = shop;
    }

    /**
     * Sends the welcome mail to a new account, in the background.
     *
     * @return what became of the mail, once it is done (sign-up does not wait; tests may)
     */
    @Async
    public CompletableFuture<Account.WelcomeStatus> sendWelcome(Account account) {
        int attempts = Math.max(1, shop.welcomeMail().attempts());
        for (int attempt = 1; ; attempt++) {
            try {
                mailSender.send(message -> compose(new MimeMessageHelper(message, true, "UTF-8"), account));
                return done(account, Account.WelcomeStatus.SENT);
            } catch (MailException e) {
                MailFailure failure = MailFailure.of(e);
                LOG.warn("Welcome mail to {} failed (attempt {} of {}): {}", account.email(), attempt, attempts,
                        failure.reason());
                if (!failure.temporary() || attempt == attempts || !pause(shop.welcomeMail().retryDelay())) {
                    CompletableFuture<Account.WelcomeStatus> failed = done(account, Account.WelcomeStatus.FAILED);
                    opsAlerts.welcomeMailFailed(account, failure);
                    return failed;
                }
            }
        }
    }

    private CompletableFuture<Account.WelcomeStatus> done(Account account, Account.WelcomeStatus status) {
        accounts.updateWelcome(account.email(), status);
        return CompletableFuture.completedFuture(status);
    }

    private void compose(MimeMessageHelper mail, Account account) throws jakarta.mail.MessagingException {
        String start = shop.baseUrl().resolve("/getting-started").toString();
        mail.setFrom(shop.mailFrom());
        mail.setTo(account.email());
        mail.setSubject("Welcome to the shop, " + account.name() + "!");
        mail.setText("Hello " + account.name() + ",\n\nyour account is ready. Start here: " + start + "\n",
                "<p>Hello " + Html.escape(account.name()) + ",</p>"
                        + "<p>your account is ready. <a href=\"" + start + "\">Start here</a>.</p>");
    }

    private static boolean pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
