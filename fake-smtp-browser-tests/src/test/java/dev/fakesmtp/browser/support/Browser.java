package dev.fakesmtp.browser.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium, driven through ChromeDriver, that the browser tests share (starting one
 * costs about a second). Each test starts from a blank page with an empty download folder.
 */
public final class Browser implements AutoCloseable {

    /** How long a test waits for something to appear in the page or in the download folder. */
    public static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;

    private Browser(ChromeDriver driver, Path profile, Path downloads) {
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
    }

    /** Selenium warns that it has no DevTools bindings for this Chromium; none are used. */
    private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    /** Starts headless Chromium with a fresh profile and downloads into {@code downloads}. */
    static Browser launch(Path downloads) {
        Path profile;
        try {
            profile = Files.createTempDirectory("fake-smtp-chromium-");
            Files.createDirectories(downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CDP_VERSION_LOG.setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Chromium.browser().orElseThrow().toFile());
        // What works here: no GPU, no sandbox (containers), and nothing that calls home on its own,
        // so that the "remote" server of a test sees only what a page asked for.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--force-device-scale-factor=1",
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "safebrowsing.enabled", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Chromium.driver().orElseThrow().toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(15));
        return new Browser(driver, profile, downloads);
    }

    /** The WebDriver, for what this class does not wrap. */
    public WebDriver driver() {
        return driver;
    }

    /** Opens {@code uri} and returns when the page and its frames have loaded (images included). */
    public Browser open(URI uri) {
        driver.get(uri.toString());
        return this;
    }

    /** Waits until an element matches and returns the first. */
    public WebElement await(By by) {
        return new WebDriverWait(driver, WAIT).until(d -> d.findElements(by).stream().findFirst().orElse(null));
    }

    /** Waits until a file named {@code name} has finished downloading, and returns its bytes. */
    public byte[] awaitDownload(String name) {
        Path file = downloads.resolve(name);
        // Chromium writes "<name>.crdownload" and renames it when complete.
        new WebDriverWait(driver, WAIT).withMessage(() -> name + " was not downloaded; the folder holds "
                + list(downloads)).until(d -> Files.exists(file));
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG of the visible page. */
    public byte[] screenshot() {
        return driver.getScreenshotAs(OutputType.BYTES);
    }

    /** A PNG of the page in a window {@code height} pixels high; the window is restored afterwards. */
    public byte[] screenshot(int height) {
        Dimension size = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(1280, height));
        try {
            return screenshot();
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    /** Back to a blank page with an empty download folder, for the next test. */
    void reset() {
        String first = driver.getWindowHandles().iterator().next();
        for (String window : driver.getWindowHandles()) {
            if (!window.equals(first)) {
                driver.switchTo().window(window).close();
            }
        }
        driver.switchTo().window(first);
        driver.get("about:blank");
        deleteContents(downloads);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteContents(profile);
            profile.toFile().delete();
        }
    }

    private static List<String> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).toList();
        } catch (IOException e) {
            return List.of("(unreadable: " + e.getMessage() + ")");
        }
    }

    private static void deleteContents(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(folder)).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
