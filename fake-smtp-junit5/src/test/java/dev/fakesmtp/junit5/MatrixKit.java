package dev.fakesmtp.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.fakesmtp.support.Fixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs failure-matrix fixtures through the test kit and reads their reports. */
final class MatrixKit {

    /** The report entry key of the summary line. */
    public static final String SUMMARY = "fake-smtp-failure-matrix";

    private MatrixKit() {
    }

    /** The engine for {@link Fixture} classes, writing reports into {@code reports}. */
    public static EngineTestKit.Builder engine(Path reports) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(Fixture.ENABLED, "true")
                .configurationParameter("fakesmtp.failureMatrix.reportDir", reports.toString());
    }

    /** Runs one fixture class, one test at a time. */
    public static EngineExecutionResults run(Path reports, Class<?> fixture) {
        return engine(reports).selectors(selectClass(fixture)).execute();
    }

    /** The report entries a matrix published. */
    public static List<Map<String, String>> reportEntries(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .filter(entries -> entries.containsKey(SUMMARY)).toList();
    }

    /** The summary line of the one matrix in the results. */
    public static String summary(EngineExecutionResults results) {
        List<Map<String, String>> entries = reportEntries(results);
        assertThat(entries).hasSize(1);
        return entries.get(0).get(SUMMARY);
    }

    /** The messages of the aborted tests. */
    public static List<String> abortMessages(EngineExecutionResults results) {
        return results.testEvents().aborted().stream().map(MatrixKit::message).toList();
    }

    /** The messages of the failed tests and containers. */
    public static List<String> failureMessages(EngineExecutionResults results) {
        return results.allEvents().failed().stream().map(MatrixKit::message).toList();
    }

    private static String message(Event event) {
        return event.getRequiredPayload(TestExecutionResult.class).getThrowable().map(Throwable::getMessage).orElse("");
    }
}
