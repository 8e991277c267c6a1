package dev.fakesmtp.junit5.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * The failure matrix report as Markdown, and where it goes: a file in the build directory
 * (Maven's {@code target}, Gradle's {@code build}, or the JUnit configuration parameter
 * {@value #REPORT_DIR}), and on JUnit 5.12+ also JUnit's own output directory
 * ({@code publishDirectory}, looked up by reflection because 5.10 and 5.11 lack it).
 */
final class MatrixReportFile {

    /** The JUnit configuration parameter that names the report directory. */
    static final String REPORT_DIR = "fakesmtp.failureMatrix.reportDir";

    private static final String FOLDER = "fake-smtp-failure-matrix";
    private static final Pattern INVOCATION = Pattern.compile("invocation:#(\\d+)");

    private MatrixReportFile() {
    }

    static String markdown(String title, String summary, List<MatrixReport.Line> lines) {
        StringBuilder out = new StringBuilder("# Failure matrix: ").append(title).append("\n\n")
                .append(summary).append("\n\n")
                .append("| case | kind | result | time | what went wrong |\n")
                .append("|---|---|---|---|---|\n");
        for (MatrixReport.Line line : lines) {
            out.append("| `").append(line.failure().id()).append("` ").append(cell(line.failure().displayName()))
                    .append(" | ").append(line.failure().kind())
                    .append(" | ").append(line.status().shown)
                    .append(" | ").append(line.took() == null ? "" : millis(line.took()))
                    .append(" | ").append(cell(explanation(line)))
                    .append(" |\n");
        }
        return out.toString();
    }

    /**
     * Writes the report and, where JUnit supports it, publishes it; returns the file's path.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    static String write(ExtensionContext context, Method method, String markdown) {
        String name = method.getDeclaringClass().getName() + "." + method.getName()
                + invocations(context.getUniqueId()) + ".md";
        Path dir = buildDirectory(context).resolve(FOLDER);
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            Files.writeString(file, markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the failure matrix report " + file, e);
        }
        publishToJUnit(context, name, markdown);
        return file.toAbsolutePath().toString();
    }

    /** "-2" for the second invocation of a class template, so each invocation's report keeps its own file. */
    private static String invocations(String uniqueId) {
        StringBuilder suffix = new StringBuilder();
        Matcher invocation = INVOCATION.matcher(uniqueId);
        while (invocation.find()) {
            suffix.append('-').append(invocation.group(1));
        }
        return suffix.toString();
    }

    /** The configured directory, else JUnit's choice: {@code target} next to a pom.xml, {@code build} for Gradle. */
    private static Path buildDirectory(ExtensionContext context) {
        return context.getConfigurationParameter(REPORT_DIR).map(Paths::get).orElseGet(() -> {
            Path here = Paths.get("").toAbsolutePath();
            if (Files.exists(here.resolve("pom.xml"))) {
                return here.resolve("target");
            }
            if (Files.exists(here.resolve("build.gradle")) || Files.exists(here.resolve("build.gradle.kts"))) {
                return here.resolve("build");
            }
            return here;
        });
    }

    /** {@code publishDirectory} exists from JUnit 5.12 on; older versions get the file only. */
    private static void publishToJUnit(ExtensionContext context, String name, String markdown) {
        Method publish;
        try {
            publish = ExtensionContext.class.getMethod("publishDirectory", String.class, ThrowingConsumer.class);
        } catch (NoSuchMethodException e) {
            return;
        }
        ThrowingConsumer<Path> writer = dir -> Files.writeString(dir.resolve(name), markdown, StandardCharsets.UTF_8);
        try {
            publish.invoke(context, FOLDER, writer);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("ExtensionContext.publishDirectory is public", e);
        } catch (InvocationTargetException e) {
            // The file in the build directory is the report; JUnit's copy is a convenience.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
        }
    }

    private static String explanation(MatrixReport.Line line) {
        if (line.clue().isEmpty()) {
            return line.detail();
        }
        return line.clue() + (line.detail().isEmpty() ? "" : "; the test said: " + line.detail());
    }

    private static String millis(Duration took) {
        return took.toMillis() + " ms";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
