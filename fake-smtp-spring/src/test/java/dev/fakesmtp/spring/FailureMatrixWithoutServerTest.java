package dev.fakesmtp.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.fakesmtp.FailureCase;
import dev.fakesmtp.junit5.SmtpFailureMatrix;
import dev.fakesmtp.spring.app.MailApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A failure matrix in a Spring test whose context has no fake server fails and says what to add,
 * instead of failing a fresh server the application never sends to.
 */
@Timeout(60)
class FailureMatrixWithoutServerTest {

    /** A mail host is configured, but no fake server: the application would send elsewhere. */
    @SpringBootTest(classes = MailApplication.class, properties = "spring.mail.host=mail.example.com")
    static class NoFakeSmtp {
        @SmtpFailureMatrix(include = "mail-451-local-error")
        void copes(FailureCase failure) {
            throw new AssertionError("never runs: " + failure);
        }
    }

    @Test
    void theRunFailsAndAsksForAutoConfigureFakeSmtp() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .selectors(selectClass(NoFakeSmtp.class))
                .execute();

        assertThat(results.testEvents().failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow()))
                .singleElement().satisfies(failure -> assertThat(failure.getMessage())
                        .contains("@SmtpFailureMatrix on " + NoFakeSmtp.class.getName() + ".copes() runs in a Spring"
                                + " test whose context has no FakeSmtpServer bean: add @AutoConfigureFakeSmtp"));
    }
}
