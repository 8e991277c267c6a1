package dev.fakesmtp.benchmarks.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The two JDKs the subjects run on: 17 (platform threads) and the newest 21+ (virtual threads).
 *
 * @param home17 the JDK 17 home
 * @param home25 the newest JDK 21+ home
 */
public record Jdks(Path home17, Path home25) {

    /** The given homes, or ones found under /usr/lib/jvm and this JVM's own home. */
    public static Jdks find(Path home17, Path home25) throws IOException {
        Path own = Path.of(System.getProperty("java.home"));
        if (home17 == null) {
            home17 = feature(own) == 17 ? own : candidates().filter(h -> feature(h) == 17).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No JDK 17 found: pass --jdk17=HOME"));
        }
        if (home25 == null) {
            home25 = candidates().filter(h -> feature(h) >= 21).max((a, b) -> Integer.compare(feature(a), feature(b)))
                    .orElse(feature(own) >= 21 ? own : null);
            if (home25 == null) {
                throw new IllegalStateException("No JDK 21+ found: pass --jdk25=HOME");
            }
        }
        return new Jdks(home17, home25);
    }

    /** The JDK 17 java executable. */
    public Path java17() {
        return home17.resolve("bin/java");
    }

    /** The newest JDK's java executable. */
    public Path java25() {
        return home25.resolve("bin/java");
    }

    /** The newest JDK's feature version, e.g. 25. */
    public int feature25() {
        return feature(home25);
    }

    /** The full version of a home, from its release file. */
    public static String version(Path home) {
        try (Stream<String> lines = Files.lines(home.resolve("release"))) {
            return lines.filter(l -> l.startsWith("JAVA_RUNTIME_VERSION=") || l.startsWith("JAVA_VERSION="))
                    .map(l -> l.substring(l.indexOf('=') + 1).replace("\"", "")).reduce((a, b) -> b).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static Stream<Path> candidates() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Stream.empty();
        }
        try (Stream<Path> list = Files.list(jvms)) {
            return list.filter(h -> Files.isExecutable(h.resolve("bin/java")) && !Files.isSymbolicLink(h)).sorted()
                    .toList().stream();
        }
    }

    static int feature(Path home) {
        try (Stream<String> lines = Files.lines(home.resolve("release"))) {
            String version = lines.filter(l -> l.startsWith("JAVA_VERSION=")).findFirst().orElse("JAVA_VERSION=\"0\"");
            String digits = version.substring(version.indexOf('"') + 1).split("[.\"+-]")[0];
            return Integer.parseInt(digits);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
