package dev.fakesmtp.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Rule;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.spring.app.MailApplication;
import dev.fakesmtp.spring.app.RetryingMailer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.MailSendException;

/** Failure rules added by a test, seen by the application's retry logic. */
@SpringBootTest(classes = MailApplication.class)
@AutoConfigureFakeSmtp
@ResourceLock(DefaultContextClasses.LOCK)
@Timeout(30)
class FailureRuleTest {

    @Autowired
    FakeSmtpServer smtp;

    @Autowired
    RetryingMailer mailer;

    @Autowired
    ApplicationContext context;

    @Test
    void aTransient451IsRetriedAndTheMailArrivesOnce() {
        Rule rule = smtp.on(Trigger.endOfData()).once().reply(451, "4.3.0 Try again later");

        assertThat(mailer.sendNotification("erin@example.com", "retried")).isEqualTo(2);

        assertThat(smtp.mailbox().awaitMessages(1, WelcomeMailTest.WAIT)).singleElement()
                .satisfies(mail -> assertThat(mail.text()).contains("retried"));
        assertThat(rule.timesFired()).isEqualTo(1);
        assertThat(smtp.sessions()).hasSize(2);
    }

    @Test
    void greylistingIsRetriedToo() {
        Rule rule = smtp.scenarios().greylisting();

        assertThat(mailer.sendNotification("frank@example.com", "greylisted")).isEqualTo(2);

        assertThat(smtp.mailbox().awaitMessages(1, WelcomeMailTest.WAIT)).hasSize(1);
        assertThat(rule.timesFired()).isEqualTo(1);
    }

    @Test
    void aPermanent550IsNotRetried() {
        Rule rule = smtp.on(Trigger.rcptTo("gone@example.com")).reply(550, "5.1.1 No such user");

        assertThatThrownBy(() -> mailer.sendNotification("gone@example.com", "lost"))
                .isInstanceOf(MailSendException.class)
                .hasStackTraceContaining("5.1.1 No such user");

        assertThat(rule.timesFired()).isEqualTo(1);
        assertThat(smtp.mailbox().messages()).isEmpty();
    }

    @Test
    void aServerThatStaysDownExhaustsTheRetries() {
        Rule rule = smtp.scenarios().unavailableFor(RetryingMailer.ATTEMPTS);

        assertThatThrownBy(() -> mailer.sendNotification("gina@example.com", "never"))
                .isInstanceOf(MailSendException.class);

        assertThat(rule.timesFired()).isEqualTo(RetryingMailer.ATTEMPTS);
        assertThat(smtp.mailbox().messages()).isEmpty();
    }

    @Test
    void sharesContextAndServerWithTheOtherClassesOfThisConfiguration() {
        DefaultContextClasses.assertEveryClassGets(context, smtp);
    }
}
