package dev.fakesmtp.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.spring.app.MailApplication;
import dev.fakesmtp.spring.app.WelcomeMailer;
import dev.fakesmtp.support.Fixture;
import dev.fakesmtp.support.Kit;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** A service sending through Boot's {@code JavaMailSender}, wired by the bare annotation. */
@SpringBootTest(classes = MailApplication.class)
@AutoConfigureFakeSmtp
@ResourceLock(DefaultContextClasses.LOCK)
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

    /**
     * Runs two tests of this configuration in a row (the fixture below, through the JUnit engine):
     * the mail, session and rule of the first are gone in the second, which gets the same server,
     * still running. Self-contained: it does not depend on what ran before.
     */
    @Test
    void eachTestStartsWithTheSharedServerResetButRunning() {
        EngineExecutionResults results = Kit.run(TwoTestsInARow.class);

        assertThat(Kit.failureDescriptions(results.allEvents())).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(TwoTestsInARow.SERVERS).hasSize(2).containsOnly(smtp);
    }

    @Test
    void sharesContextAndServerWithTheOtherClassesOfThisConfiguration() {
        DefaultContextClasses.assertEveryClassGets(context, smtp);
    }

    @Fixture
    @SpringBootTest(classes = MailApplication.class)
    @AutoConfigureFakeSmtp
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class TwoTestsInARow {

        static final List<FakeSmtpServer> SERVERS = new CopyOnWriteArrayList<>();

        @Autowired
        FakeSmtpServer smtp;

        @Autowired
        WelcomeMailer mailer;

        @Test
        @Order(1)
        void leavesAMailASessionAndARuleBehind() {
            SERVERS.clear();
            SERVERS.add(smtp);
            smtp.on(Trigger.rcptTo("nobody@example.com")).reply(550, "5.1.1 No such user");
            mailer.sendWelcome("bob@example.com", "Bob");

            assertThat(smtp.mailbox().awaitMessages(1, WAIT)).hasSize(1);
            assertThat(smtp.sessions()).isNotEmpty();
            assertThat(smtp.rules()).hasSize(1);
        }

        @Test
        @Order(2)
        void findsNoneOfItOnTheSameServer() {
            SERVERS.add(smtp);
            assertThat(smtp.mailbox().messages()).isEmpty();
            assertThat(smtp.sessions()).isEmpty();
            assertThat(smtp.rules()).isEmpty();

            mailer.sendWelcome("carol@example.com", "Carol");

            assertThat(smtp.mailbox().awaitMessages(1, WAIT)).singleElement()
                    .satisfies(mail -> assertThat(mail.subject()).isEqualTo("Welcome, Carol"));
        }
    }
}
