package dev.fakesmtp.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContextManager;

/**
 * The test classes of the default configuration ({@code @SpringBootTest(classes = MailApplication.class)}
 * with the bare {@code @AutoConfigureFakeSmtp}): Spring's context cache gives them one context, so
 * one server, reset before each test method. They hold one {@link #LOCK}, as they share that server.
 */
final class DefaultContextClasses {

    /** The lock held by every test class of the default configuration. */
    static final String LOCK = "dev.fakesmtp.spring.default-context";

    /** Every test class of the default configuration. */
    static final List<Class<?>> ALL = List.of(WelcomeMailTest.class, AsyncReceiptMailTest.class, FailureRuleTest.class);

    private DefaultContextClasses() {
    }

    /**
     * Asserts that Spring's context cache hands every class of the default configuration this very
     * context, and so this very server: it asks the cache for each class's context, as the
     * TestContext framework does when the class runs, so one class proves the sharing on its own,
     * whichever classes ran before it (or none).
     */
    static void assertEveryClassGets(ApplicationContext context, FakeSmtpServer server) {
        assertThat(context.getBean(FakeSmtpServer.class)).isSameAs(server);
        for (Class<?> testClass : ALL) {
            ApplicationContext theirs = new TestContextManager(testClass).getTestContext().getApplicationContext();
            assertThat(theirs).as("the context that %s gets", testClass.getSimpleName()).isSameAs(context);
            assertThat(theirs.getEnvironment().getProperty("spring.mail.port", Integer.class))
                    .as("spring.mail.port of %s", testClass.getSimpleName()).isEqualTo(server.port());
        }
        assertThat(server.isRunning()).isTrue();
    }
}
