package dev.fakesmtp.junit5;

import dev.fakesmtp.junit5.internal.ParameterLookup;
import dev.fakesmtp.junit5.internal.ServerLifecycle;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit Jupiter extension behind {@link SmtpServer}; the annotation registers it, so tests
 * never name it. It keeps no state of its own: every server lives in the JUnit store of the
 * context it belongs to, which makes it safe for parallel execution.
 */
public final class SmtpServerExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {

    /** Called by JUnit. */
    public SmtpServerExtension() {
    }

    /** Starts the class's static servers (and instance servers with {@code PER_CLASS}). */
    @Override
    public void beforeAll(ExtensionContext context) {
        ServerLifecycle.beforeClass(context);
    }

    /** Starts the test's own servers; locks and resets the servers it shares with other tests. */
    @Override
    public void beforeEach(ExtensionContext context) {
        ServerLifecycle.beforeTest(context);
    }

    /** Checks for protocol violations where asked and releases the shared servers. */
    @Override
    public void afterEach(ExtensionContext context) {
        ServerLifecycle.afterTest(context);
    }

    /** True for {@code FakeSmtpServer} and {@code Mailbox} parameters and {@code @SmtpServer} ones. */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return ParameterLookup.supports(parameterContext);
    }

    /** The server (or its mailbox) in sight, or the one the parameter's qualifier names. */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return ParameterLookup.resolve(parameterContext, extensionContext);
    }

    /**
     * Asks JUnit (5.12+) to resolve constructor parameters in the test's own context, so a
     * per-test server can be injected into the constructor. Older JUnit never calls this.
     */
    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }
}
