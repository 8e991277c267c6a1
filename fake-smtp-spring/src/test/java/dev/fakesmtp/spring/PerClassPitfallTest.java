package dev.fakesmtp.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.junit5.SmtpServer;
import dev.fakesmtp.spring.app.MailApplication;
import dev.fakesmtp.spring.app.WelcomeMailer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code @TestInstance(PER_CLASS)} pitfall of the route without this module: with a
 * per-class instance, Spring loads the context while creating the instance, which JUnit does
 * before {@code @BeforeAll} and before extensions' {@code beforeAll} callbacks; a server started
 * there is not running yet when Spring reads {@code spring.mail.host}. A server started in the
 * field initializer works. The examples below are run through the JUnit test kit.
 */
@Timeout(60)
class PerClassPitfallTest {

    /** Starts the server in {@code @BeforeAll}, with the given lifecycle. Not run by the build itself. */
    abstract static class StartedInBeforeAll {

        static FakeSmtpServer smtp;

        @DynamicPropertySource
        static void mailProperties(DynamicPropertyRegistry registry) {
            registry.add("spring.mail.host", () -> smtp.host());
            registry.add("spring.mail.port", () -> smtp.port());
        }

        @Autowired
        WelcomeMailer mailer;

        @Test
        void sends() {
            mailer.sendWelcome("bob@example.com", "Bob");
            assertThat(smtp.mailbox().awaitMessages(1, WelcomeMailTest.WAIT)).hasSize(1);
        }
    }

    // Each example has a context of its own: Spring remembers a context that failed to load.
    @SpringBootTest(classes = MailApplication.class, properties = "example=per-class")
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassExample extends StartedInBeforeAll {

        @BeforeAll
        void startServer() {
            smtp = FakeSmtpServer.builder().build().start();
        }

        @AfterAll
        void closeServer() {
            smtp.close();
        }
    }

    @SpringBootTest(classes = MailApplication.class, properties = "example=per-method")
    static class PerMethodExample extends StartedInBeforeAll {

        @BeforeAll
        static void startServer() {
            smtp = FakeSmtpServer.builder().build().start();
        }

        @AfterAll
        static void closeServer() {
            smtp.close();
        }
    }

    @SpringBootTest(classes = MailApplication.class, properties = "example=field-per-class")
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class SmtpServerFieldPerClassExample {

        @SmtpServer
        static FakeSmtpServer smtp = FakeSmtpServer.builder().build();

        @DynamicPropertySource
        static void mailProperties(DynamicPropertyRegistry registry) {
            registry.add("spring.mail.host", () -> smtp.host());
            registry.add("spring.mail.port", () -> smtp.port());
        }

        @Test
        void sends(@Autowired WelcomeMailer mailer) {
            mailer.sendWelcome("bob@example.com", "Bob");
            assertThat(smtp.mailbox().awaitMessages(1, WelcomeMailTest.WAIT)).hasSize(1);
        }
    }

    @SpringBootTest(classes = MailApplication.class, properties = "example=started-field-per-class")
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class StartedSmtpServerFieldPerClassExample {

        @SmtpServer
        static FakeSmtpServer smtp = FakeSmtpServer.builder().build().start();

        @DynamicPropertySource
        static void mailProperties(DynamicPropertyRegistry registry) {
            registry.add("spring.mail.host", () -> smtp.host());
            registry.add("spring.mail.port", () -> smtp.port());
        }

        @Test
        void sends(@Autowired WelcomeMailer mailer) {
            mailer.sendWelcome("bob@example.com", "Bob");
            assertThat(smtp.mailbox().awaitMessages(1, WelcomeMailTest.WAIT)).hasSize(1);
        }
    }

    @Test
    void perClassLoadsTheContextBeforeBeforeAllStartsTheServer() {
        EngineExecutionResults results = run(PerClassExample.class);

        assertThat(results.testEvents().succeeded().count()).isZero();
        assertThat(failures(results)).anySatisfy(failure -> assertThat(failure)
                .hasStackTraceContaining("Failed to load ApplicationContext")
                .hasRootCauseInstanceOf(NullPointerException.class));
    }

    @Test
    void perClassLoadsTheContextBeforeTheExtensionStartsAnSmtpServerField() {
        EngineExecutionResults results = run(SmtpServerFieldPerClassExample.class);

        assertThat(results.testEvents().succeeded().count()).isZero();
        assertThat(failures(results)).anySatisfy(failure -> assertThat(failure)
                .hasStackTraceContaining("Failed to load ApplicationContext")
                .hasStackTraceContaining("The server is not started"));
    }

    @Test
    void anSmtpServerFieldStartedInItsInitializerWorksWithPerClass() {
        EngineExecutionResults results = run(StartedSmtpServerFieldPerClassExample.class);

        assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
        assertThat(results.allEvents().failed().count()).isZero();
    }

    @Test
    void perMethodRunsBeforeAllFirstAndWorks() {
        EngineExecutionResults results = run(PerMethodExample.class);

        assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
        assertThat(results.allEvents().failed().count()).isZero();
    }

    private static List<Throwable> failures(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(event -> event.getPayload(TestExecutionResult.class).orElseThrow())
                .map(result -> result.getThrowable().orElseThrow())
                .toList();
    }

    private static EngineExecutionResults run(Class<?> example) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .selectors(selectClass(example))
                .execute();
    }
}
