package dev.fakesmtp.samples.springmail;

import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;
import static dev.fakesmtp.assertj.MailMatcher.mail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Trigger;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Sign-up: the account is there at once, the welcome mail arrives in the background. */
@ShopTest
class WelcomeMailTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    FakeSmtpServer smtp;

    @Autowired
    SignupService signup;

    @Autowired
    AccountStore accounts;

    @BeforeEach
    void noAccounts() {
        accounts.clear();
    }

    @Test
    void theWelcomeMailArrivesInTheBackground() {
        Account account = signup.signUp("bob@example.com", "Bob");

        // signUp returned before the mail went out: it is sent on Spring's task executor.
        assertThat(account.welcome()).isEqualTo(Account.WelcomeStatus.PENDING);
        assertThat(smtp.mailbox()).awaitMessageTo("bob@example.com", WAIT)
                .hasEnvelopeSender("noreply@shop.example.com")
                .hasSubject("Welcome to the shop, Bob!")
                .hasTextContaining("your account is ready", "https://shop.example.com/getting-started")
                .hasHtmlContaining("<a href=\"https://shop.example.com/getting-started\">Start here</a>")
                .wasSentOverTls()
                .hasAuthenticatedUser("shop")
                .isEncodedCorrectly();
    }

    @Test
    void namesAreEncodedInTheSubjectAndEscapedInTheHtml() {
        signup.signUp("zoe@example.com", "Zoë & <Co>");

        assertThat(smtp.mailbox()).awaitMessageTo("zoe@example.com", WAIT)
                .hasSubject("Welcome to the shop, Zoë & <Co>!")
                .hasTextContaining("Hello Zoë & <Co>,")
                .hasHtmlContaining("Hello Zoë &amp; &lt;Co&gt;,")
                .isEncodedCorrectly();
    }

    @Test
    void aTemporaryRefusalIsRetried() {
        smtp.on(Trigger.endOfData()).once().reply(451, "4.3.0 Try again later");

        signup.signUp("carol@example.com", "Carol");

        assertThat(smtp.mailbox()).awaitMessageTo("carol@example.com", WAIT).hasSubject("Welcome to the shop, Carol!");
        assertThat(smtp).hasSessionCount(2);
        assertThat(smtp.sessions().get(0)).hasReply("451 4.3.0");
        assertThat(smtp.mailbox()).hasSize(1);
    }

    @Test
    void anUndeliverableWelcomeMailIsReportedToOperations() {
        smtp.on(Trigger.rcptTo("dave@example.com")).reply(550, "5.1.1 No such user");

        signup.signUp("dave@example.com", "Dave");

        // The application's error handling: the account is marked and operations get a mail.
        assertThat(smtp.mailbox()).awaitMessageTo("ops@shop.example.com", WAIT)
                .hasSubject("Welcome mail undeliverable: dave@example.com")
                .hasTextContaining("Reply code: 550", "5.1.1 No such user");
        assertThat(accounts.find("dave@example.com")).get()
                .extracting(Account::welcome).isEqualTo(Account.WelcomeStatus.FAILED);
        assertThat(smtp.mailbox()).hasNoMessage(mail().to("dave@example.com"));
        // A permanent refusal is not retried: one failed session, one for the alert.
        assertThat(smtp).hasSessionCount(2);
    }
}
