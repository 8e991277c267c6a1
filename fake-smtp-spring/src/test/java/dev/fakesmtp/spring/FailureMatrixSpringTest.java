package dev.fakesmtp.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.FailureCase;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.junit5.SmtpFailureMatrix;
import dev.fakesmtp.spring.app.MailApplication;
import dev.fakesmtp.spring.app.RetryingMailer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.MailSendException;

/**
 * {@code @SmtpFailureMatrix} over the context's server: every run fails the server that
 * {@code @AutoConfigureFakeSmtp} wired into {@code spring.mail.*}, reset between runs, and the
 * server outlives the matrix with its context.
 */
@SpringBootTest(classes = MailApplication.class, properties = "spring.mail.properties.mail.smtp.timeout=2000")
@AutoConfigureFakeSmtp
@Timeout(30)
class FailureMatrixSpringTest {

    private static final Set<FakeSmtpServer> SEEN = ConcurrentHashMap.newKeySet();

    // No FakeSmtpServer field: the matrix finds the context's server itself.
    @Autowired
    ApplicationContext context;

    @Autowired
    RetryingMailer mailer;

    @SmtpFailureMatrix(include = {"connect-421-service-unavailable", "mail-451-local-error", "rcpt-450-greylisted",
        "rcpt-550-user-unknown", "dot-451-temporarily-rejected", "dot-554-content-rejected", "data-disconnect",
        "mail-late-reply"})
    void theRetryingMailerCopes(FailureCase failure, FakeSmtpServer server, Mailbox mailbox) {
        FakeSmtpServer smtp = context.getBean(FakeSmtpServer.class);
        SEEN.add(smtp);
        assertThat(server).isSameAs(smtp);
        assertThat(mailbox).isSameAs(smtp.mailbox()).satisfies(box -> assertThat(box.messages()).isEmpty());
        assertThat(smtp.rules()).isNotEmpty()
                .allSatisfy(rule -> assertThat(rule.description()).contains("(" + failure.id() + ")"));

        switch (failure.reaction()) {
            case RETRY -> {
                assertThat(mailer.sendNotification("bob@example.com", failure.id())).isGreaterThan(1);
                assertThat(mailbox.messagesTo("bob@example.com")).hasSize(1);
            }
            case GIVE_UP -> {
                assertThatThrownBy(() -> mailer.sendNotification("bob@example.com", failure.id()))
                        .isInstanceOf(MailSendException.class);
                assertThat(smtp.sessions()).hasSize(1);
                assertThat(mailbox.messages()).isEmpty();
            }
            default -> throw new AssertionError("not selected: " + failure);
        }
    }

    @AfterAll
    static void everyRunFailedTheContextsServerWhichStillRuns() {
        assertThat(SEEN).singleElement().satisfies(server -> assertThat(server.isRunning()).isTrue());
    }
}
