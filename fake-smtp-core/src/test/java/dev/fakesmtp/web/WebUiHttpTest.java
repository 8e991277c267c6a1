package dev.fakesmtp.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.AngusMail;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The viewer as an HTTP server: methods, Host checks and the headers that keep browsers from caching or framing it. */
@Timeout(30)
class WebUiHttpTest {

    @Test
    void headAnswersWithTheHeadersOfGetAndNoBody() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            AngusMail.send(smtp, "app@example.com", "bob@example.com", "Hello", "text");
            smtp.mailbox().awaitMessages(1, AngusMail.WAIT);

            for (String path : List.of("/", "/messages/s1-1", "/api/messages", "/api/messages/s1-1/raw", "/viewer.js")) {
                HttpResponse<String> get = WebClient.get(smtp, path);
                HttpResponse<byte[]> head = WebClient.send(WebClient.request(smtp, path)
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());

                assertThat(head.statusCode()).as(path).isEqualTo(200);
                assertThat(head.body()).as(path).isEmpty();
                assertThat(head.headers().firstValue("Content-Type")).as(path).isEqualTo(get.headers().firstValue("Content-Type"));
                assertThat(get.body()).as(path).isNotEmpty();
            }
        }
    }

    @Test
    void writesAreRefusedWithTheMethodsThatAreAllowed() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            HttpResponse<String> put = WebClient.send(WebClient.request(smtp, "/")
                    .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(put.statusCode()).isEqualTo(405);
            assertThat(put.headers().firstValue("Allow")).contains("GET, HEAD");
            assertThat(put.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
            assertThat(put.body()).isEqualTo("The viewer is read-only: GET and HEAD only");
        }
    }

    @Test
    void everyResponseForbidsCachingFramingAndCrossOriginReads() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            for (String path : List.of("/", "/api/messages", "/nothing")) {
                HttpResponse<String> response = WebClient.get(smtp, path);
                assertThat(response.headers().firstValue("Cache-Control")).as(path).contains("no-store");
                assertThat(response.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
                assertThat(response.headers().firstValue("Cross-Origin-Resource-Policy")).as(path).contains("same-origin");
            }
            assertThat(WebClient.get(smtp, "/viewer.js").headers().firstValue("Content-Type"))
                    .contains("text/javascript; charset=utf-8");
            HttpResponse<String> missing = WebClient.get(smtp, "/nothing");
            assertThat(missing.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
            assertThat(missing.body()).contains("<title>Not found - fake-smtp</title>", "<p>No such page.</p>");
        }
    }

    @Test
    void theHostNameIsComparedWithoutCaseAndARequestWithoutOneIsRefused() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            URI viewer = smtp.webUiUri().orElseThrow();

            assertThat(WebClient.statusWithHost(viewer, "LOCALHOST:" + viewer.getPort())).isEqualTo("HTTP/1.1 200 OK");
            assertThat(statusWithoutHost(viewer)).endsWith(" 403 Forbidden");
        }
    }

    @Test
    void aDownloadKeepsItsNameButNeverAPathOrAControlCharacter() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            WebClient.sendHtml(smtp, "Files", "text", "<p>html</p>", "dir/sub\\x\u007f y.txt", "text/plain",
                    "content".getBytes(StandardCharsets.UTF_8));
            smtp.mailbox().awaitMessages(1, AngusMail.WAIT);

            HttpResponse<String> download = WebClient.get(smtp, "/api/messages/s1-1/attachments/0");

            assertThat(download.headers().firstValue("Content-Disposition"))
                    .contains("attachment; filename=\"dir_sub_x_ y.txt\"; filename*=UTF-8''dir_sub_x%7F%20y.txt");
            assertThat(download.body()).isEqualTo("content");
        }
    }

    /** HTTP/1.0 lets a request leave the Host header out; the JDK client always sends one. */
    private static String statusWithoutHost(URI viewer) {
        return WebClient.rawStatus(viewer, "GET / HTTP/1.0\r\n\r\n");
    }
}
