package dev.fakesmtp.browser.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class that drives headless Chromium: its tests take a {@link Browser} parameter, and each
 * leaves a screenshot of where it ended in {@code target/screenshots/<class>/<method>.png}. Without
 * Chromium the class is skipped and says why, unless {@code FAKESMTP_BROWSER_TESTS=required} (CI),
 * where a missing browser fails it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BrowserTest.Extension.class)
@ResourceLock("chromium") // one shared browser, even if someone turns parallel execution on
@Timeout(120)
public @interface BrowserTest {

    /** Skips or fails without Chromium, shares one browser, takes the screenshots. */
    final class Extension implements ExecutionCondition, ParameterResolver, BeforeEachCallback, AfterEachCallback {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserTest.class);

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return Chromium.missing().map(reason -> {
                if (Chromium.required()) {
                    throw new ExtensionConfigurationException(Chromium.REQUIRED_VARIABLE + "=required, but " + reason);
                }
                return ConditionEvaluationResult.disabled(reason + " (set " + Chromium.REQUIRED_VARIABLE
                        + "=required to make this a failure)");
            }).orElseGet(() -> ConditionEvaluationResult.enabled("Chromium and ChromeDriver are installed"));
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Browser.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return browser(context);
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            browser(context).reset();
        }

        @Override
        public void afterEach(ExtensionContext context) {
            Path file = Screenshots.directory().resolve(context.getRequiredTestClass().getSimpleName())
                    .resolve(context.getRequiredTestMethod().getName() + ".png");
            Screenshots.write(file, browser(context).screenshot());
        }

        // One browser for the whole run, closed by JUnit when the run ends (the store closes AutoCloseables).
        @SuppressWarnings("deprecation")
        private static Browser browser(ExtensionContext context) {
            return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Browser.class,
                    key -> Browser.launch(Screenshots.directory().resolveSibling("browser-downloads")), Browser.class);
        }
    }

    /** Where screenshots go, and the copy of the README's ones into {@code docs/} when asked. */
    final class Screenshots {

        private Screenshots() {
        }

        /** {@code target/screenshots} (Surefire passes the property). */
        static Path directory() {
            return Path.of(System.getProperty("fakesmtp.screenshots.dir", "target/screenshots")).toAbsolutePath();
        }

        /**
         * Saves a screenshot, {@code height} pixels high, for the README as
         * {@code target/screenshots/docs/<name>}, and copies it to {@code docs/} when the build runs
         * with {@code -Dfakesmtp.docs.update=true}; normal runs leave the working tree alone.
         */
        public static void forDocs(Browser browser, String name, int height) {
            Path file = directory().resolve("docs").resolve(name);
            write(file, browser.screenshot(height));
            if (Boolean.getBoolean("fakesmtp.docs.update")) {
                try {
                    Path docs = Path.of(System.getProperty("fakesmtp.docs.dir", "../docs"));
                    Files.createDirectories(docs);
                    Files.copy(file, docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        static void write(Path file, byte[] png) {
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, png);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
