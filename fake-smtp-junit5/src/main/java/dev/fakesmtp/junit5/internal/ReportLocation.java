package dev.fakesmtp.junit5.internal;

import dev.fakesmtp.junit5.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Where a test's report goes: {@code <base>/<test class>/<test method>/}, the base being the
 * configuration parameter {@value Report#DIRECTORY_PARAMETER} or the build's output folder.
 */
final class ReportLocation {

    private ReportLocation() {
    }

    /** The absolute folder for this test's report. */
    static Path of(ExtensionContext testContext) {
        Path base = testContext.getConfigurationParameter(Report.DIRECTORY_PARAMETER).map(Path::of)
                .orElseGet(() -> defaultBase(Path.of("")));
        return base.resolve(safe(testContext.getRequiredTestClass().getName()))
                .resolve(safe(method(testContext))).toAbsolutePath().normalize();
    }

    /**
     * Maven's {@code target}, or Gradle's {@code build} when the working directory holds a Gradle
     * build and no POM, under {@code workingDirectory}.
     */
    static Path defaultBase(Path workingDirectory) {
        boolean gradle = !Files.exists(workingDirectory.resolve("pom.xml"))
                && (Files.exists(workingDirectory.resolve("build.gradle"))
                        || Files.exists(workingDirectory.resolve("build.gradle.kts")));
        return workingDirectory.resolve(gradle ? "build" : "target").resolve("fake-smtp-reports");
    }

    /**
     * The method's name, and for an invocation of a parameterized or repeated test its number,
     * taken from the unique id's last segment ({@code [test-template-invocation:#2]}).
     */
    private static String method(ExtensionContext testContext) {
        String name = testContext.getRequiredTestMethod().getName();
        String id = testContext.getUniqueId();
        int invocation = id.lastIndexOf(":#");
        if (id.endsWith("]") && invocation > id.lastIndexOf('/')) {
            return name + "-" + id.substring(invocation + 2, id.length() - 1);
        }
        return name;
    }

    /** Letters, digits, {@code . _ - $}; everything else becomes {@code _}, so a name stays one path segment. */
    static String safe(String name) {
        StringBuilder safe = new StringBuilder();
        for (int i = 0; i < name.length() && safe.length() < 150; i++) {
            char c = name.charAt(i);
            safe.append(c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == '$')
                    ? c : '_');
        }
        String result = safe.toString();
        return result.isEmpty() || result.chars().allMatch(c -> c == '.') ? "_" : result;
    }
}
