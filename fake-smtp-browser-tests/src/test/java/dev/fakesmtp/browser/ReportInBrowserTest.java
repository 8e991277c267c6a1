package dev.fakesmtp.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.browser.support.Browser;
import dev.fakesmtp.browser.support.BrowserTest;
import dev.fakesmtp.browser.support.Newsletter;
import dev.fakesmtp.browser.support.RemoteSite;
import dev.fakesmtp.junit5.Report;
import dev.fakesmtp.junit5.SmtpServer;
import dev.fakesmtp.samples.jakartamail.NewsletterFailsOnPurpose;
import dev.fakesmtp.samples.jakartamail.OnlyThroughTestKit;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The report a failing test leaves, opened from disk in headless Chromium: it shows the mail as
 * the viewer does, its files download, and a hostile mail in it can run nothing and fetch nothing.
 */
@BrowserTest
class ReportInBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    @Test
    void theSamplesFailingTestLeavesAReportThatShowsTheMail(Browser browser) {
        URI index = reportOf(NewsletterFailsOnPurpose.class);

        browser.open(index);

        assertThat(browser.driver().findElement(By.cssSelector("#message-rows tr")).getText())
                .contains(NewsletterFailsOnPurpose.SENT_SUBJECT, "news@shop.test", "bob@example.com");
        assertThat(browser.driver().findElement(By.cssSelector("div.outcome")).getText())
                .contains("The test failed", NewsletterFailsOnPurpose.EXPECTED_SUBJECT);
        WebElement banner = browser.driver().findElement(By.cssSelector("ul.attachments img"));
        assertThat(naturalWidth(browser, banner)).as("the attached PNG is decoded and shown").isEqualTo(240);
        BrowserTest.Screenshots.forDocs(browser, "report.png", 1250);
        browser.driver().switchTo().frame(browser.driver().findElement(By.cssSelector("iframe.mail-html")));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo(NewsletterFailsOnPurpose.HEADLINE);
        browser.driver().switchTo().defaultContent();

        browser.driver().findElement(By.linkText("price-list.pdf")).click();

        assertThat(browser.awaitDownload("price-list.pdf")).isEqualTo(NewsletterFailsOnPurpose.PRICE_LIST);
    }

    @Test
    void aHostileMailInTheReportRunsNothingAndFetchesNothing(Browser browser) throws IOException {
        try (RemoteSite remote = RemoteSite.start()) {
            // The probe works from a file too: opened as an ordinary page, it runs and calls the site.
            Path plain = Files.writeString(temp.resolve("probe.html"), Probes.scripts(remote));
            browser.open(plain.toUri());
            new WebDriverWait(browser.driver(), WAIT).until(d -> remote.requests().contains("/script-ran"));
            int before = remote.requests().size();
            HostileMailFails.remote = remote;

            browser.open(reportOf(HostileMailFails.class));

            assertThat(remote.requests().subList(before, remote.requests().size())).isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("iframe.mail-html"))).hasSize(2);
            assertThat(browser.driver().findElements(By.linkText("Load remote images"))).isEmpty();
            for (WebElement frame : browser.driver().findElements(By.cssSelector("iframe.mail-html"))) {
                browser.driver().switchTo().frame(frame);
                WebElement body = browser.driver().findElement(By.tagName("body"));
                assertThat(body.getDomAttribute("data-script-ran")).isNull();
                assertThat(body.getDomAttribute("data-onerror-ran")).isNull();
                browser.driver().switchTo().defaultContent();
            }
        } finally {
            HostileMailFails.remote = null;
        }
    }

    static long naturalWidth(Browser browser, WebElement image) {
        return (Long) ((JavascriptExecutor) browser.driver()).executeScript("return arguments[0].naturalWidth", image);
    }

    /** Runs a test that fails on purpose, reports into the temporary folder, and returns its index.html. */
    private URI reportOf(Class<?> failingTest) {
        Throwable failure = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(OnlyThroughTestKit.ENABLED, "true")
                .configurationParameter(Report.DIRECTORY_PARAMETER, temp.resolve("reports").toString())
                .selectors(selectClass(failingTest))
                .execute().testEvents().failed().stream().findFirst()
                .orElseThrow(() -> new AssertionError(failingTest.getSimpleName() + " did not fail"))
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        String line = List.of(failure.getSuppressed()).stream().map(Throwable::toString)
                .filter(text -> text.startsWith("Captured mail: ")).findFirst()
                .orElseThrow(() -> new AssertionError("No 'Captured mail' line in " + failure));
        return URI.create(line.substring("Captured mail: ".length()));
    }

    /** Sends a mail with a script, an event handler and remote content, then fails. */
    @SmtpServer
    @OnlyThroughTestKit
    static class HostileMailFails {
        static volatile RemoteSite remote;

        @Test
        void sendsHostileMail(FakeSmtpServer smtp) {
            Newsletter.subject("Hostile").text("scripts").html(Probes.scripts(remote)).sendTo(smtp);
            Newsletter.subject("Tracked").text("remote content").html(Probes.remoteContent(remote)).sendTo(smtp);
            smtp.mailbox().awaitMessages(2, WAIT);
            throw new AssertionError("on purpose");
        }
    }
}
