package dev.fakesmtp.junit5.internal;

import dev.fakesmtp.FailureCase;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the client did with each case of one failure matrix. Runs report here as they end (in
 * parallel, possibly); when JUnit closes the test method's context, after the last run, the
 * report is published: a summary and a table, as a report entry and a Markdown file.
 */
// CloseableResource is deprecated since JUnit 5.13 (which closes AutoCloseable values), but 5.10
// to 5.12 close only CloseableResource; newer JUnit closes a value that is both just once.
@SuppressWarnings("deprecation")
final class MatrixReport implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    /** How a case went. */
    enum Status {
        /** The test passed and the failure happened: the client coped. */
        HANDLED("handled"),
        /** The test failed. */
        NOT_HANDLED("**not handled**"),
        /** The server cannot have the case (e.g. STARTTLS cases without STARTTLS). */
        SKIPPED("skipped"),
        /** The test passed but the failure never happened: the client did not get that far. */
        NOT_REACHED("not reached"),
        /** The test aborted itself (an assumption). */
        ABORTED("aborted");

        final String shown;

        Status(String shown) {
            this.shown = shown;
        }
    }

    /**
     * One case's line.
     *
     * @param failure the case
     * @param status how it went
     * @param took how long the run took after the case was applied, or null
     * @param detail why it failed or was skipped, "" when handled
     * @param clue where the client went wrong, "" unless not handled
     */
    record Line(FailureCase failure, Status status, Duration took, String detail, String clue) {
    }

    private final ExtensionContext methodContext;
    private final Method method;
    private final Map<FailureCase, Line> lines = new ConcurrentHashMap<>();

    MatrixReport(ExtensionContext methodContext, Method method) {
        this.methodContext = methodContext;
        this.method = method;
    }

    void handled(FailureCase failure, Duration took) {
        lines.put(failure, new Line(failure, Status.HANDLED, took, "", ""));
    }

    void notHandled(FailureCase failure, Duration took, Throwable why, String clue) {
        lines.put(failure, new Line(failure, Status.NOT_HANDLED, took, firstLine(why), clue));
    }

    void skipped(FailureCase failure, String why) {
        lines.put(failure, new Line(failure, Status.SKIPPED, null, why, ""));
    }

    void notReached(FailureCase failure, String why) {
        lines.put(failure, new Line(failure, Status.NOT_REACHED, null, why, ""));
    }

    void aborted(FailureCase failure, String why) {
        lines.put(failure, new Line(failure, Status.ABORTED, null, String.valueOf(why), ""));
    }

    /** A run that passed its test but failed afterwards (an after-each check): not handled after all. */
    void failedAfterwards(FailureCase failure, Throwable why) {
        lines.computeIfPresent(failure, (key, line) -> line.status() == Status.HANDLED
                ? new Line(failure, Status.NOT_HANDLED, line.took(), firstLine(why), "the test passed, a check after it failed")
                : line);
    }

    /** The lines in catalogue order. */
    List<Line> lines() {
        List<Line> ordered = new ArrayList<>(lines.values());
        List<FailureCase> catalogue = dev.fakesmtp.FailureCatalog.all();
        ordered.sort((a, b) -> Integer.compare(catalogue.indexOf(a.failure()), catalogue.indexOf(b.failure())));
        return ordered;
    }

    /** "client handled 27 of 31 failure cases; not handled: ...; skipped: ...". */
    String summary() {
        List<Line> all = lines();
        List<Line> ran = all.stream().filter(line -> line.status() == Status.HANDLED || line.status() == Status.NOT_HANDLED)
                .toList();
        StringBuilder summary = new StringBuilder("client handled ")
                .append(ran.stream().filter(line -> line.status() == Status.HANDLED).count())
                .append(" of ").append(ran.size()).append(" failure cases");
        appendIds(summary, all, Status.NOT_HANDLED, "not handled");
        appendIds(summary, all, Status.NOT_REACHED, "not reached");
        appendIds(summary, all, Status.SKIPPED, "skipped");
        appendIds(summary, all, Status.ABORTED, "aborted");
        return summary.toString();
    }

    /** Publishes the report: a report entry with the summary, and the Markdown file. */
    @Override
    public void close() {
        if (lines.isEmpty()) {
            return;
        }
        String markdown = MatrixReportFile.markdown(title(), summary(), lines());
        String where = MatrixReportFile.write(methodContext, method, markdown);
        methodContext.publishReportEntry(Map.of("fake-smtp-failure-matrix", summary(),
                "fake-smtp-failure-matrix-report", where));
    }

    private String title() {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()";
    }

    private static void appendIds(StringBuilder summary, List<Line> all, Status status, String label) {
        String ids = all.stream().filter(line -> line.status() == status).map(line -> line.failure().id())
                .collect(Collectors.joining(", "));
        if (!ids.isEmpty()) {
            summary.append("; ").append(label).append(": ").append(ids);
        }
    }

    /** The failure's message on one line, shortened: AssertJ's messages span many lines. */
    private static String firstLine(Throwable why) {
        String message = why.getMessage() == null ? why.getClass().getName() : why.getMessage();
        String oneLine = message.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }
}
