package dev.fakesmtp.spring;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Resets the server of an {@link AutoConfigureFakeSmtp} test's context (mailbox and its
 * listeners, sessions and failure rules) before each test method, so test methods and classes
 * that share the context do not see each other's mail. Registered in {@code META-INF/spring.factories}; name it
 * yourself only if a test replaces the default listeners.
 */
public class FakeSmtpTestExecutionListener extends AbstractTestExecutionListener {

    /** After dependency injection (2000), before transactions (4000). */
    public static final int ORDER = 2100;

    /** Creates the listener; Spring does this through {@code META-INF/spring.factories}. */
    public FakeSmtpTestExecutionListener() {
    }

    /** {@value #ORDER}. */
    @Override
    public final int getOrder() {
        return ORDER;
    }

    /** Resets the context's server, if the test class uses {@link AutoConfigureFakeSmtp}. */
    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (TestContextAnnotationUtils.hasAnnotation(testContext.getTestClass(), AutoConfigureFakeSmtp.class)) {
            testContext.getApplicationContext().getBeanProvider(FakeSmtpWiring.class)
                    .ifAvailable(wiring -> wiring.server().reset());
        }
    }
}
