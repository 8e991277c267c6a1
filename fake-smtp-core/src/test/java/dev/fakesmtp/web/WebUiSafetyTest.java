package dev.fakesmtp.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.AngusMail;
import dev.fakesmtp.support.SmtpDialogue;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What keeps a captured mail from harming the developer who looks at it: every response escapes
 * the mail's text, mail HTML only ever appears inside a sandboxed iframe's srcdoc, every response
 * carries a Content-Security-Policy, and only requests for the viewer's own loopback name are
 * answered. (That the browser then runs nothing and fetches nothing is fake-smtp-browser-tests'.)
 */
@Timeout(30)
class WebUiSafetyTest {

    private static final String HOSTILE = "<script>alert(\"x\")</script><img src=x onerror=alert(1)> & 'q'";

    @Test
    void everyPageAndDocumentEscapesTheMailsText() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            WebClient.sendHtml(smtp, HOSTILE, "text " + HOSTILE, "<p>html</p>" + HOSTILE, HOSTILE + ".html",
                    "text/html", HOSTILE.getBytes(StandardCharsets.UTF_8));
            smtp.mailbox().awaitMessages(1, AngusMail.WAIT);

            for (String path : List.of("/", "/messages/s1-1", "/messages/s1-1?images=remote", "/sessions")) {
                String page = WebClient.get(smtp, path).body();
                assertThat(page).as(path).doesNotContain("<script>alert").doesNotContain("<img src=x")
                        .doesNotContain("onerror=alert(1)>");
            }
            assertThat(WebClient.get(smtp, "/").body())
                    .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"
                            + " &amp; &#39;q&#39;");
            assertThat(WebClient.get(smtp, "/api/messages/s1-1").body())
                    .contains("\"subject\":\"<script>alert(\\\"x\\\")</script><img src=x onerror=alert(1)> & 'q'\"");
        }
    }

    @Test
    void mailHtmlAppearsOnlyInsideTheSrcdocOfASandboxThatRunsNothing() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            WebClient.sendHtml(smtp, "Hostile", "text", "<p>html</p>" + HOSTILE, "a.txt", "text/plain", new byte[] {1});
            smtp.mailbox().awaitMessages(1, AngusMail.WAIT);

            String page = WebClient.get(smtp, "/messages/s1-1").body();

            assertThat(page).contains("<iframe class=\"mail-html\" sandbox=\"allow-popups allow-popups-to-escape-sandbox\""
                    + " referrerpolicy=\"no-referrer\"")
                    .contains("srcdoc=\"&lt;base target=&quot;_blank&quot;&gt;&lt;p&gt;html&lt;/p&gt;&lt;script&gt;"
                            + "alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;q&#39;\"");
            String sandbox = page.substring(page.indexOf("sandbox=\""), page.indexOf("\"", page.indexOf("sandbox=\"") + 9));
            assertThat(sandbox).doesNotContain("allow-scripts", "allow-same-origin", "allow-forms", "allow-top-navigation");
        }
    }

    @Test
    void everyResponseCarriesAPolicyThatBlocksRemoteContentAndScriptFromTheMail() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            WebClient.sendHtml(smtp, "Hi", "text", "<p>html</p>", "a.html", "text/html", HOSTILE.getBytes(StandardCharsets.UTF_8));
            smtp.mailbox().awaitMessages(1, AngusMail.WAIT);

            for (String path : List.of("/", "/messages/s1-1", "/sessions", "/rules", "/api/messages", "/api/messages/s1-1",
                    "/api/messages/s1-1/raw", "/api/messages/s1-1/attachments/0", "/api/sessions", "/nothing")) {
                HttpResponse<String> response = WebClient.get(smtp, path);
                assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                        .hasValueSatisfying(policy -> assertThat(policy).startsWith("default-src 'none';"));
                assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
                assertThat(response.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
                assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
            }
            assertThat(WebClient.get(smtp, "/messages/s1-1").headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("img-src 'self' data:;").doesNotContain("http:").doesNotContain("unsafe-eval")
                    .contains("script-src 'self';", "frame-ancestors 'none'");
            assertThat(WebClient.get(smtp, "/messages/s1-1?images=remote").headers()
                    .firstValue("Content-Security-Policy").orElseThrow()).contains("img-src 'self' data: http: https:;");
        }
    }

    @Test
    void anAttachmentIsAlwaysADownloadAndHtmlOrSvgNeverKeepsItsType() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            WebClient.sendHtml(smtp, "Hi", "text", "<p>html</p>", "evil\"; name=x.html", "text/html",
                    HOSTILE.getBytes(StandardCharsets.UTF_8));
            WebClient.sendHtml(smtp, "Hi", "text", "<p>html</p>", "evil.svg", "image/svg+xml",
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8));
            smtp.mailbox().awaitMessages(2, AngusMail.WAIT);

            HttpResponse<String> html = WebClient.get(smtp, "/api/messages/s1-1/attachments/0");
            HttpResponse<String> svg = WebClient.get(smtp, "/api/messages/s2-1/attachments/0");

            assertThat(html.headers().firstValue("Content-Type")).contains("application/octet-stream");
            assertThat(html.headers().firstValue("Content-Disposition")).contains(
                    "attachment; filename=\"evil__ name=x.html\"; filename*=UTF-8''evil%22%3B%20name%3Dx.html");
            assertThat(html.body()).isEqualTo(HOSTILE);
            assertThat(svg.headers().firstValue("Content-Type")).contains("application/octet-stream");
            assertThat(WebClient.get(smtp, "/messages/s2-1").body()).doesNotContain("<img alt=\"evil.svg\"");
        }
    }

    @Test
    void answersOnlyRequestsForItsOwnLoopbackName() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            URI viewer = smtp.webUiUri().orElseThrow();

            assertThat(WebClient.statusWithHost(viewer, viewer.getAuthority())).isEqualTo("HTTP/1.1 200 OK");
            assertThat(WebClient.statusWithHost(viewer, "localhost:" + viewer.getPort())).isEqualTo("HTTP/1.1 200 OK");
            // DNS rebinding: a hostile page whose name now resolves to 127.0.0.1 sends its own name.
            assertThat(WebClient.statusWithHost(viewer, "attacker.example:" + viewer.getPort()))
                    .isEqualTo("HTTP/1.1 403 Forbidden");
            assertThat(WebClient.statusWithHost(viewer, "127.0.0.1:1")).isEqualTo("HTTP/1.1 403 Forbidden");
        }
    }

    @Test
    void aMessageThatIsNotValidMimeStillShowsItsEnvelopeAndRawSource() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            try (SmtpDialogue dialogue = SmtpDialogue.afterEhlo(smtp)) {
                dialogue.send("MAIL FROM:<a@example.com>").expect("250");
                dialogue.send("RCPT TO:<b@example.com>").expect("250");
                dialogue.send("DATA").expect("354");
                dialogue.sendRaw("Subject: broken\r\nContent-Type: multipart/mixed\r\n\r\n<b>no boundary</b>\r\n.\r\n")
                        .expect("250");
            }
            smtp.mailbox().awaitMessages(1, AngusMail.WAIT);

            HttpResponse<String> page = WebClient.get(smtp, "/messages/s1-1");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("This message cannot be parsed as MIME", "a@example.com",
                    "&lt;b&gt;no boundary&lt;/b&gt;");
            assertThat(WebClient.get(smtp, "/").statusCode()).isEqualTo(200);
            assertThat(WebClient.get(smtp, "/api/messages/s1-1").body()).contains("\"parseError\":\"");
        }
    }
}
