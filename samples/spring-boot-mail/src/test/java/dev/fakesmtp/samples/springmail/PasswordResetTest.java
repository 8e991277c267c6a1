package dev.fakesmtp.samples.springmail;

import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.Trigger;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Password reset: a single-use link by mail, over STARTTLS with AUTH; a failed mail withdraws it. */
@ShopTest
class PasswordResetTest {

    private static final Pattern LINK = Pattern.compile("https://shop\\.example\\.com/reset-password\\?token=\\S+");

    @Autowired
    FakeSmtpServer smtp;

    @Autowired
    PasswordResetService resets;

    @Autowired
    AccountStore accounts;

    @Autowired
    ResetTokens tokens;

    @BeforeEach
    void anAccount() {
        accounts.clear();
        accounts.add(new Account("alice@example.com", "Alice", Account.WelcomeStatus.SENT));
        accounts.setPassword("alice@example.com", "old-password");
    }

    @Test
    void mailsALinkThatWorksOnce() {
        assertThat(resets.requestReset("alice@example.com")).isEqualTo(PasswordResetService.Outcome.SENT);

        // Sent synchronously: the mail is in the mailbox when requestReset returns.
        assertThat(smtp.mailbox()).singleMessage()
                .hasEnvelopeRecipients("alice@example.com")
                .hasSubject("Reset your password")
                .hasTextContaining("Hello Alice,", "The link works once, for 30 minutes.")
                .wasSentOverTls()
                .hasAuthenticatedUser("shop")
                .isEncodedCorrectly();
        ReceivedMail mail = smtp.mailbox().messages().get(0);
        String link = linkIn(mail.text());
        assertThat(mail.html()).contains("<a href=\"" + link + "\">Choose a new password</a>");

        String token = URI.create(link).getQuery().substring("token=".length());
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(resets.resetPassword(token, "new-password")).isTrue();
        assertThat(accounts.passwordMatches("alice@example.com", "new-password")).isTrue();
        assertThat(resets.resetPassword(token, "another-password")).as("a used link").isFalse();
    }

    @Test
    void everyRequestGetsItsOwnLink() {
        resets.requestReset("alice@example.com");
        resets.requestReset("alice@example.com");

        assertThat(smtp.mailbox()).hasSize(2);
        assertThat(linkIn(smtp.mailbox().messages().get(0).text()))
                .isNotEqualTo(linkIn(smtp.mailbox().messages().get(1).text()));
    }

    @Test
    void anUnknownAddressGetsNoMail() {
        assertThat(resets.requestReset("mallory@example.com"))
                .isEqualTo(PasswordResetService.Outcome.UNKNOWN_ACCOUNT);

        assertThat(smtp.mailbox()).isEmpty();
        assertThat(smtp.sessions()).isEmpty();
    }

    @Test
    void aRefusedMailWithdrawsTheLink() {
        smtp.on(Trigger.endOfData()).reply(451, "4.3.0 Queue full, try again later");

        assertThat(resets.requestReset("alice@example.com")).isEqualTo(PasswordResetService.Outcome.MAIL_FAILED);

        assertThat(smtp.mailbox()).isEmpty();
        assertThat(tokens.hasActiveToken("alice@example.com")).isFalse();
        assertThat(smtp).singleSession().usedTls().hasAuthenticatedUser("shop").hasReply("451 4.3.0");
    }

    @Test
    void aDroppedConnectionIsAFailureToo() {
        smtp.on(Trigger.data()).disconnect();

        assertThat(resets.requestReset("alice@example.com")).isEqualTo(PasswordResetService.Outcome.MAIL_FAILED);

        assertThat(smtp.mailbox()).isEmpty();
        assertThat(tokens.hasActiveToken("alice@example.com")).isFalse();
    }

    private static String linkIn(String text) {
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as("a reset link in:%n%s", text).isTrue();
        return link.group();
    }
}
