package dev.fakesmtp.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.spring.app.MailApplication;
import dev.fakesmtp.spring.app.WelcomeMailer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** A service sending through Boot's {@code JavaMailSender}, wired by the bare annotation. */
@SpringBootTest(classes = MailApplication.class)
@AutoConfigureFakeSmtp
@ResourceLock(SharedContextRecorder.DEFAULT_CONTEXT)
@Timeout(30)
class WelcomeMailTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    FakeSmtpServer smtp;

    @Autowired
    WelcomeMailer mailer;

    @Autowired
    ApplicationContext context;

    @Value("${spring.mail.port}")
    int mailPort;

    @Test
    void theWelcomeMailArrives() {
        mailer.sendWelcome("bob@example.com", "Bob");

        ReceivedMail mail = smtp.mailbox().awaitMessages(1, WAIT).get(0);
        assertThat(mail.envelope().mailFrom()).isEqualTo(WelcomeMailer.FROM);
        assertThat(mail.envelope().recipients()).containsExactly("bob@example.com");
        assertThat(mail.subject()).isEqualTo("Welcome, Bob");
        assertThat(mail.text()).contains("your account is ready");
        assertThat(mail.envelope().tls()).isEmpty();
        assertThat(mail.envelope().authenticatedUser()).isEmpty();
    }

    @Test
    void springMailPointsAtTheServer() {
        assertThat(smtp.isRunning()).isTrue();
        assertThat(mailPort).isEqualTo(smtp.port());
        assertThat(context.getEnvironment().getProperty("spring.mail.host")).isEqualTo(smtp.host());
        assertThat(context.getBeansOfType(FakeSmtpServer.class)).containsOnlyKeys("fakeSmtpServer");
    }

    @Test
    void aTestStartsWithAnEmptyMailboxAndSeesOnlyItsOwnMail() {
        assertThat(smtp.mailbox().messages()).isEmpty();
        assertThat(smtp.sessions()).isEmpty();
        assertThat(smtp.rules()).isEmpty();

        mailer.sendWelcome("carol@example.com", "Carol");

        assertThat(smtp.mailbox().awaitMessages(1, WAIT)).singleElement()
                .satisfies(mail -> assertThat(mail.subject()).isEqualTo("Welcome, Carol"));
    }

    @Test
    void sharesContextAndServerWithTheOtherClassesOfThisConfiguration() {
        SharedContextRecorder.recordAndCompare(getClass(), context, smtp);
    }
}
