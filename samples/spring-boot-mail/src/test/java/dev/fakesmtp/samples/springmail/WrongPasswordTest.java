package dev.fakesmtp.samples.springmail;

import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A misconfigured mail password: the server refuses the login (535) and the shop reports the
 * reset mail as failed instead of crashing. The test's own property overrides the one
 * {@code @AutoConfigureFakeSmtp} sets, so this class gets a context (and server) of its own.
 */
@ShopTest
@TestPropertySource(properties = "spring.mail.password=not-the-password")
class WrongPasswordTest {

    @Autowired
    FakeSmtpServer smtp;

    @Autowired
    PasswordResetService resets;

    @Autowired
    AccountStore accounts;

    @Test
    void theResetMailFailsAndNothingIsSent() {
        accounts.add(new Account("alice@example.com", "Alice", Account.WelcomeStatus.SENT));

        assertThat(resets.requestReset("alice@example.com")).isEqualTo(PasswordResetService.Outcome.MAIL_FAILED);

        assertThat(smtp.mailbox()).isEmpty();
        assertThat(smtp).singleSession().usedTls().hasReply("535 5.7.8");
    }
}
