package dev.fakesmtp.browser.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where Chromium and its WebDriver are: on the PATH (Debian's {@code chromium} and
 * {@code chromium-driver} packages), or where {@code FAKESMTP_CHROMIUM} and
 * {@code FAKESMTP_CHROMEDRIVER} point.
 */
final class Chromium {

    /** Set to {@code required} (CI does) to turn a missing browser from a skip into a failure. */
    static final String REQUIRED_VARIABLE = "FAKESMTP_BROWSER_TESTS";

    private Chromium() {
    }

    /** The browser binary, if installed. */
    static Optional<Path> browser() {
        return find("FAKESMTP_CHROMIUM", List.of("chromium", "chromium-browser", "google-chrome"));
    }

    /** The ChromeDriver binary, if installed. */
    static Optional<Path> driver() {
        return find("FAKESMTP_CHROMEDRIVER", List.of("chromedriver"));
    }

    /** Why the browser tests cannot run here, or empty when they can. */
    static Optional<String> missing() {
        if (browser().isPresent() && driver().isPresent()) {
            return Optional.empty();
        }
        return Optional.of("Chromium " + (browser().isPresent() ? "is installed but ChromeDriver is not"
                : "is not installed") + " (looked on the PATH and in FAKESMTP_CHROMIUM/FAKESMTP_CHROMEDRIVER)."
                + " Install it with: apt-get install chromium chromium-driver");
    }

    /** Whether this run must not skip the browser tests. */
    static boolean required() {
        return "required".equalsIgnoreCase(System.getenv(REQUIRED_VARIABLE));
    }

    private static Optional<Path> find(String variable, List<String> names) {
        String configured = System.getenv(variable);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String directory : path.split(java.io.File.pathSeparator)) {
            for (String name : names) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
