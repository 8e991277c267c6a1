package dev.fakesmtp.samples.springmail;

import jakarta.mail.MessagingException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * "Forgot your password?": mails a single-use link, synchronously, so the page can tell the
 * customer whether it went out. The mail server is reached over STARTTLS with AUTH
 * ({@code application.properties}).
 */
@Service
public class PasswordResetService {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordResetService.class);

    /** What became of a reset request. */
    public enum Outcome {
        /** The link was mailed. */
        SENT,
        /** No such account; the page says the same as for {@link #SENT}, so addresses cannot be probed. */
        UNKNOWN_ACCOUNT,
        /** The mail server refused or failed; the link was withdrawn and the page asks to try later. */
        MAIL_FAILED
    }

    private final JavaMailSender mailSender;
    private final AccountStore accounts;
    private final ResetTokens tokens;
    private final ShopProperties shop;

    /** Wires the mail sender, the accounts, the tokens and the settings. */
    public PasswordResetService(JavaMailSender mailSender, AccountStore accounts, ResetTokens tokens,
                                ShopProperties shop) {
        this.mailSender = mailSender;
        this.accounts = accounts;
        this.tokens = tokens;
        this.shop = shop;
    }

    /** Mails a reset link to the account's address. */
    public Outcome requestReset(String email) {
        Account account = accounts.find(email).orElse(null);
        if (account == null) {
            return Outcome.UNKNOWN_ACCOUNT;
        }
        String token = tokens.issue(account.email());
        // The token is base64url: safe in a query string as it is.
        URI link = shop.baseUrl().resolve("/reset-password?token=" + token);
        try {
            mailSender.send(message -> compose(new MimeMessageHelper(message, true, "UTF-8"), account, link));
            return Outcome.SENT;
        } catch (MailException e) {
            // A link nobody received must not stay valid.
            tokens.revoke(token);
            MailFailure failure = MailFailure.of(e);
            LOG.warn("Password reset mail to {} failed: {}", account.email(), failure.reason());
            return Outcome.MAIL_FAILED;
        }
    }

    /** Sets a new password with a token from a reset link; {@code false} if the token is unknown, used or expired. */
    public boolean resetPassword(String token, String newPassword) {
        return tokens.consume(token).map(email -> {
            accounts.setPassword(email, newPassword);
            return true;
        }).orElse(false);
    }

    private void compose(MimeMessageHelper mail, Account account, URI link) throws MessagingException {
        long minutes = shop.passwordReset().tokenValidity().toMinutes();
        mail.setFrom(shop.mailFrom());
        mail.setTo(account.email());
        mail.setSubject("Reset your password");
        mail.setText("Hello " + account.name() + ",\n\nto choose a new password, open\n" + link + "\n\n"
                        + "The link works once, for " + minutes + " minutes. If you did not ask for it, ignore this mail.\n",
                "<p>Hello " + Html.escape(account.name()) + ",</p>"
                        + "<p><a href=\"" + link + "\">Choose a new password</a></p>"
                        + "<p>The link works once, for " + minutes + " minutes. "
                        + "If you did not ask for it, ignore this mail.</p>");
    }
}
