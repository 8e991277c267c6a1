package dev.fakesmtp.junit5.internal;

import dev.fakesmtp.internal.web.MailReport;
import dev.fakesmtp.junit5.Report;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Writes a test's mail report when its servers ask for one, publishes it to JUnit, and names it
 * in the failure. Runs in the extension's {@code afterEach}: the test's outcome is known there
 * ({@link ExtensionContext#getExecutionException()}), and the servers it shares with other tests
 * are still locked for it, so no other test's reset can empty them first.
 */
final class MailReports {

    private static final System.Logger LOG = System.getLogger(MailReports.class.getName());

    private MailReports() {
    }

    /**
     * Writes the report if the test failed (or a server asks for it always).
     *
     * @param testContext the test's context
     * @param servers the servers the test could use
     * @param violations the violation check's failure, or null
     */
    static void afterTest(ExtensionContext testContext, List<ManagedServer> servers, AssertionError violations) {
        Optional<Throwable> failure = testContext.getExecutionException()
                .or(() -> Optional.ofNullable(violations));
        boolean failed = failure.isPresent() && !(failure.get() instanceof TestAbortedException);
        List<MailReport.Source> sources = servers.stream()
                .filter(managed -> wants(managed.declaration().report(), failed))
                .map(managed -> new MailReport.Source(managed.toString(), managed.server()))
                .toList();
        if (sources.isEmpty()) {
            return;
        }
        Path directory = ReportLocation.of(testContext);
        Path index;
        try {
            index = MailReport.write(directory, title(testContext), outcome(failure, failed), sources);
        } catch (RuntimeException e) {
            // The report is a help for reading a failure (a full disk, a folder in the way, a bug of
            // ours); not being able to write it must not add one.
            LOG.log(System.Logger.Level.WARNING, "fake-smtp could not write the mail report to " + directory, e);
            return;
        }
        String uri = index.toUri().toString();
        testContext.publishReportEntry("fake-smtp.report", uri);
        ReportPublisher.publishDirectory(testContext, directory);
        if (failed) {
            failure.get().addSuppressed(new CapturedMail(uri));
        }
    }

    private static boolean wants(Report report, boolean failed) {
        return report == Report.ALWAYS || (report == Report.ON_FAILURE && failed);
    }

    private static String title(ExtensionContext context) {
        return context.getRequiredTestClass().getName() + " > " + context.getDisplayName();
    }

    private static String outcome(Optional<Throwable> failure, boolean failed) {
        if (!failed) {
            return failure.map(aborted -> "The test was aborted: " + aborted).orElse("The test passed.");
        }
        return "The test failed: " + failure.get();
    }
}
