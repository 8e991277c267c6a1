package dev.fakesmtp.junit5.internal;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Attaches the report folder to the test through JUnit's file publishing
 * ({@code ExtensionContext.publishDirectory}, JUnit 5.12+), so IDEs and build tools that show
 * published files find it. Older JUnit versions lack the method; there the report entry that
 * names the folder is all, and this does nothing.
 */
final class ReportPublisher {

    private static final System.Logger LOG = System.getLogger(ReportPublisher.class.getName());
    private static final boolean AVAILABLE = available();

    private ReportPublisher() {
    }

    /** Copies {@code directory} into a published directory named {@code fake-smtp-report}, where JUnit can. */
    static void publishDirectory(ExtensionContext context, Path directory) {
        if (!AVAILABLE) {
            return;
        }
        try {
            // Called only when the method exists: on older JUnit this line is never linked.
            context.publishDirectory("fake-smtp-report", target -> copy(directory, target));
        } catch (RuntimeException | LinkageError e) {
            // Expected where publishing is switched off (EngineTestKit by default): no stack trace.
            LOG.log(System.Logger.Level.WARNING, "fake-smtp could not publish the mail report " + directory
                    + " to JUnit (" + e + "); it stays where it is");
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static boolean available() {
        try {
            Method method = ExtensionContext.class.getMethod("publishDirectory", String.class, ThrowingConsumer.class);
            return method != null;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
