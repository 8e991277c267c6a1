package dev.fakesmtp.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.browser.support.Browser;
import dev.fakesmtp.browser.support.BrowserTest;
import dev.fakesmtp.browser.support.Newsletter;
import dev.fakesmtp.browser.support.RemoteSite;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The live viewer, in headless Chromium: what a developer sees, and what a hostile mail cannot do. */
@BrowserTest
class ViewerInBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    static final byte[] LOGO = Newsletter.png(300, 60, 0x17324D);
    static final byte[] INVOICE = "%PDF-1.7\n% invoice 42 \u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);

    private final FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start();
    private final RemoteSite remote = RemoteSite.start();

    @AfterEach
    void close() {
        smtp.close();
        remote.close();
    }

    @Test
    void theMailboxListsAMailSentByAngus(Browser browser) {
        newsletter("Your order 42 has shipped").sendTo(smtp);
        Newsletter.subject("Password reset").from("security@shop.test").to("alice@example.com")
                .text("Reset your password: https://shop.test/reset?token=abc").sendTo(smtp);
        smtp.mailbox().awaitMessages(2, WAIT);

        browser.open(viewer("/"));

        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#message-rows tr"));
        assertThat(rows).extracting(WebElement::getText).satisfiesExactly(
                first -> assertThat(first).contains("news@shop.test", "bob@example.com", "Your order 42 has shipped"),
                second -> assertThat(second).contains("security@shop.test", "alice@example.com", "Password reset"));
        BrowserTest.Screenshots.forDocs(browser, "viewer-mailbox.png", 420);
    }

    @Test
    void theMessagePageRendersTheHtmlBodyWithItsEmbeddedImage(Browser browser) {
        newsletter("Your order 42 has shipped").sendTo(smtp);
        smtp.mailbox().awaitMessages(1, WAIT);

        browser.open(viewer("/messages/s1-1"));

        assertThat(browser.driver().findElement(By.tagName("h2")).getText()).isEqualTo("Your order 42 has shipped");
        assertThat(browser.driver().findElement(By.cssSelector("pre.mail-text")).getText())
                .contains("Your order 42 has shipped");
        browser.driver().switchTo().frame(browser.driver().findElement(By.cssSelector("iframe.mail-html")));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Order 42 is on its way");
        WebElement logo = browser.driver().findElement(By.cssSelector("img.logo"));
        assertThat(ReportInBrowserTest.naturalWidth(browser, logo)).as("the embedded cid: image is decoded").isEqualTo(300);
        browser.driver().switchTo().defaultContent();
        BrowserTest.Screenshots.forDocs(browser, "viewer-message.png", 1250);
    }

    @Test
    void anAttachmentDownloadsWithTheRightBytes(Browser browser) {
        newsletter("Invoice 42").sendTo(smtp);
        smtp.mailbox().awaitMessages(1, WAIT);
        browser.open(viewer("/messages/s1-1"));

        browser.driver().findElement(By.linkText("invoice-42.pdf")).click();

        assertThat(browser.awaitDownload("invoice-42.pdf")).isEqualTo(INVOICE);
    }

    @Test
    void aScriptAndAnOnerrorHandlerInTheMailDoNotRun(Browser browser) {
        String hostile = Probes.scripts(remote);
        // The probe works: opened as an ordinary page, its script and handler run and call the site.
        browser.open(remote.serve(hostile));
        new WebDriverWait(browser.driver(), WAIT).until(d -> remote.requests().containsAll(
                List.of("/script-ran", "/onerror-ran")));
        assertThat(browser.driver().findElement(By.tagName("body")).getDomAttribute("data-script-ran")).isEqualTo("yes");
        int before = remote.requests().size();

        Newsletter.subject("Hostile").text("hostile").html(hostile).sendTo(smtp);
        smtp.mailbox().awaitMessages(1, WAIT);
        browser.open(viewer("/messages/s1-1"));

        // open() returned after the load event, which waits for the iframe and its images (and their errors).
        assertThat(remote.requests().subList(before, remote.requests().size())).isEmpty();
        assertThat(browser.driver().getTitle()).doesNotContain("pwned");
        browser.driver().switchTo().frame(browser.driver().findElement(By.cssSelector("iframe.mail-html")));
        WebElement body = browser.driver().findElement(By.tagName("body"));
        assertThat(body.getDomAttribute("data-script-ran")).isNull();
        assertThat(body.getDomAttribute("data-onerror-ran")).isNull();
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Hostile mail");
    }

    @Test
    void aLinkInTheMailOpensInANewTabAndTheViewerStays(Browser browser) {
        Newsletter.subject("Confirm").text("confirm")
                .html("<p><a id=\"confirm\" href=\"" + remote.url("confirm") + "\">Confirm your address</a></p>")
                .sendTo(smtp);
        smtp.mailbox().awaitMessages(1, WAIT);
        browser.open(viewer("/messages/s1-1"));
        String viewerTab = browser.driver().getWindowHandle();

        browser.driver().switchTo().frame(browser.driver().findElement(By.cssSelector("iframe.mail-html")));
        browser.driver().findElement(By.id("confirm")).click();

        new WebDriverWait(browser.driver(), WAIT).until(d -> d.getWindowHandles().size() == 2
                && remote.requests().contains("/confirm"));
        browser.driver().switchTo().window(viewerTab);
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(viewer("/messages/s1-1").toString());
    }

    @Test
    void aRemoteImageIsNotFetchedUntilTheUserAsks(Browser browser) {
        Newsletter.subject("Tracked").text("tracked").html(Probes.remoteContent(remote)).sendTo(smtp);
        smtp.mailbox().awaitMessages(1, WAIT);

        browser.open(viewer("/messages/s1-1"));

        assertThat(remote.requests()).isEmpty();
        browser.driver().findElement(By.linkText("Load remote images")).click();
        new WebDriverWait(browser.driver(), WAIT).until(d -> remote.requests().contains("/pixel.gif"));
        assertThat(remote.requests()).as("only images, and only after the click").containsOnly("/pixel.gif",
                "/background.gif");
    }

    @Test
    void thePageShowsMailThatArrivesWhileItIsOpen(Browser browser) {
        browser.open(viewer("/"));
        browser.await(By.xpath("//p[@id='live' and starts-with(text(), 'Live')]"));
        assertThat(browser.driver().findElements(By.cssSelector("#message-rows tr"))).isEmpty();

        newsletter("Arrived while you watched").sendTo(smtp);

        WebElement row = browser.await(By.cssSelector("#message-rows tr"));
        assertThat(row.getText()).contains("Arrived while you watched", "bob@example.com");
        assertThat(browser.driver().findElement(By.id("message-count")).getText()).isEqualTo("1 message");
        assertThat(browser.driver().findElement(By.id("no-messages")).isDisplayed()).isFalse();
    }

    @Test
    void theJsonApiParsesInTheBrowserEvenForAHostileSubject(Browser browser) {
        String subject = "\"quotes\" \\ </script> \u2028 \u0007 \uD83D\uDCE7";
        Newsletter.subject(subject).text("t").sendTo(smtp);
        smtp.mailbox().awaitMessages(1, WAIT);
        browser.open(viewer("/"));

        Object parsed = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/api/messages').then(r => r.text()).then(t => done(JSON.parse(t)[0]))");

        assertThat(parsed).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("subject", subject).containsEntry("mailFrom", "news@shop.test");
        assertThat(((Map<?, ?>) parsed).get("recipients")).isEqualTo(List.of("bob@example.com"));
    }

    private URI viewer(String path) {
        return smtp.webUiUri().orElseThrow().resolve(path);
    }

    static Newsletter newsletter(String subject) {
        return Newsletter.subject(subject)
                .text("Your order 42 has shipped.\nTrack it at https://shop.test/orders/42\n")
                .html("<!DOCTYPE html><html><body style=\"font-family:sans-serif;margin:16px\">"
                        + "<img class=\"logo\" src=\"cid:logo@shop.test\" alt=\"Shop\" width=\"300\" height=\"60\">"
                        + "<h1 style=\"color:#17324d\">Order 42 is on its way</h1>"
                        + "<p>Hi Bob, your <b>blue teapot</b> left our warehouse today.</p>"
                        + "<p><a href=\"https://shop.test/orders/42\">Track your parcel</a></p></body></html>")
                .inlineImage("logo@shop.test", LOGO)
                .attach("invoice-42.pdf", "application/pdf", INVOICE);
    }
}
