package dev.fakesmtp.testcontainers.support;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs {@link Fixture} classes through the Jupiter engine and reads their outcome. */
public final class Kit {

    private Kit() {
    }

    /** Runs the fixture class, one test at a time. */
    public static EngineExecutionResults run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(Fixture.ENABLED, "true")
                .selectors(selectClass(fixture))
                .execute();
    }

    /** The exceptions that failed these events, as text with their causes, for a failure message. */
    public static List<String> failures(Events events) {
        return events.failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable()
                        .map(Kit::describe).orElse("failed without an exception"))
                .collect(Collectors.toList());
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(text.length() == 0 ? "" : "\n  caused by ").append(cause);
        }
        return text.toString();
    }
}
