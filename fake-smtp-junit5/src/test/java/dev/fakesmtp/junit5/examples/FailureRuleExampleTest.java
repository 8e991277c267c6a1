package dev.fakesmtp.junit5.examples;

import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.junit5.SmtpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// README: "JUnit 5", a failure rule tests the client's error handling.
@SmtpServer
@Timeout(10)
class FailureRuleExampleTest {

    @Test
    void aRejectedRecipientFailsTheSend(FakeSmtpServer smtp) {
        smtp.on(Trigger.rcptTo("bob@example.com")).reply(550, "5.1.1 No such user");
        WelcomeMailer mailer = new WelcomeMailer(smtp.host(), smtp.port());

        assertThatThrownBy(() -> mailer.sendWelcome("bob@example.com"))
                .hasStackTraceContaining("550 5.1.1 No such user");
        assertThat(smtp.mailbox()).isEmpty();
        assertThat(smtp).singleSession().hasReply("550 5.1.1 No such user");
    }
}
