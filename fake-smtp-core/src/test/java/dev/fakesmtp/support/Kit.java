package dev.fakesmtp.support;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.OutputDirectoryCreator;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs {@link Fixture} classes through the Jupiter engine and reads their outcome. Every fixture
 * test and lifecycle method gets a default timeout of {@link #TIMEOUT}, so a fixture that hangs
 * fails instead (a fixture's own {@code @Timeout} wins).
 */
public final class Kit {

    /** The default timeout of the fixtures' methods, in JUnit's duration syntax. */
    public static final String TIMEOUT = "60s";

    private Kit() {
    }

    /** Runs the fixture classes one test at a time. */
    public static EngineExecutionResults run(Class<?>... fixtures) {
        return builder(fixtures).execute();
    }

    /**
     * Runs the fixture classes one test at a time, with these configuration parameters, and with
     * files that tests publish ({@code ExtensionContext.publishFile}) written under {@code outputs}.
     */
    public static EngineExecutionResults run(Map<String, String> parameters, Path outputs, Class<?>... fixtures) {
        EngineTestKit.Builder builder = builder(fixtures).outputDirectoryCreator(new OutputDirectoryCreator() {
            @Override
            public Path getRootDirectory() {
                return outputs;
            }

            @Override
            public Path createOutputDirectory(TestDescriptor descriptor) throws IOException {
                return Files.createDirectories(outputs.resolve(descriptor.getUniqueId().toString()
                        .replaceAll("[^A-Za-z0-9._-]", "_")));
            }
        });
        parameters.forEach(builder::configurationParameter);
        return builder.execute();
    }

    /** Runs the fixture classes with classes and methods concurrent, on {@code threads} threads. */
    public static EngineExecutionResults runInParallel(int threads, Class<?>... fixtures) {
        return builder(fixtures)
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism",
                        String.valueOf(threads))
                .execute();
    }

    /** The messages of the failures among these events, e.g. {@code results.testEvents()}. */
    public static List<String> failureMessages(Events events) {
        return failures(events).stream().map(Throwable::getMessage).map(String::valueOf).collect(Collectors.toList());
    }

    /** The exceptions that failed these events. */
    public static List<Throwable> failures(Events events) {
        return events.failed().stream().map(Kit::failure).collect(Collectors.toList());
    }

    /** The failures among these events as text, each with its chain of causes: for a failure message. */
    public static List<String> failureDescriptions(Events events) {
        return failures(events).stream().map(Kit::describe).collect(Collectors.toList());
    }

    private static Throwable failure(Event event) {
        return event.getRequiredPayload(TestExecutionResult.class).getThrowable()
                .orElseGet(() -> new AssertionError("failed without an exception: " + event));
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(text.length() == 0 ? "" : "\n  caused by ").append(cause);
        }
        return text.toString();
    }

    private static EngineTestKit.Builder builder(Class<?>... fixtures) {
        EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(Fixture.ENABLED, "true")
                .configurationParameter("junit.jupiter.execution.timeout.default", TIMEOUT);
        for (Class<?> fixture : fixtures) {
            builder.selectors(selectClass(fixture));
        }
        return builder;
    }
}
