package dev.fakesmtp.junit5.internal;

import dev.fakesmtp.FailureCase;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Rule;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;
import org.opentest4j.TestAbortedException;

/**
 * Applies one case to the run's server before the test (after {@code @SmtpServer} started or
 * reset it, before the test's own {@code @BeforeEach} methods), injects the case, and tells the
 * report how the client did. One instance per run, used on the run's thread.
 */
final class MatrixCaseExtension implements BeforeEachCallback, AfterTestExecutionCallback, ParameterResolver, TestWatcher,
        TestExecutionExceptionHandler {

    private final FailureCase failure;
    private final MatrixReport report;
    private FakeSmtpServer server;
    private List<Rule> rules = List.of();
    private long started;

    MatrixCaseExtension(FailureCase failure, MatrixReport report) {
        this.failure = failure;
        this.report = report;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        String where = "@SmtpFailureMatrix on " + method.getDeclaringClass().getName() + "." + method.getName() + "()";
        server = MatrixServers.serverFor(context, where);
        Optional<String> unavailable = failure.unavailableOn(server);
        if (unavailable.isPresent()) {
            report.skipped(failure, unavailable.get());
            Assumptions.abort("Skipped " + failure.id() + ": " + unavailable.get());
        }
        rules = failure.applyTo(server);
        started = System.nanoTime();
    }

    /**
     * A test that failed although its case never happened failed for want of the failure (its
     * assertions expect it), which says nothing about how the client copes with it: not reached.
     */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        if (!rules.isEmpty() && !happened() && !(thrown instanceof TestAbortedException)) {
            throw new TestAbortedException(neverHappened() + " The test failed without it: " + thrown.getMessage(), thrown);
        }
        throw thrown;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (server == null || rules.isEmpty()) {
            return; // skipped, or failed before the case was applied
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Optional<Throwable> thrown = context.getExecutionException();
        if (!happened()) {
            report.notReached(failure, MatrixClue.neverHappened(failure));
            if (thrown.isEmpty()) {
                throw new TestAbortedException(neverHappened());
            }
        } else if (thrown.isEmpty()) {
            report.handled(failure, took);
        } else if (thrown.get() instanceof TestAbortedException) {
            report.aborted(failure, thrown.get().getMessage());
        } else {
            report.notHandled(failure, took, thrown.get(), MatrixClue.whereTheClientWentWrong(failure, server));
        }
    }

    private boolean happened() {
        return rules.stream().anyMatch(rule -> rule.timesFired() > 0);
    }

    private String neverHappened() {
        return "The failure never happened, so this run tested nothing: " + MatrixClue.neverHappened(failure) + ".";
    }

    /** A run whose test passed can still fail in an after-each check (protocol violations, say). */
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        report.failedAfterwards(failure, cause);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == FailureCase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return failure;
    }
}
