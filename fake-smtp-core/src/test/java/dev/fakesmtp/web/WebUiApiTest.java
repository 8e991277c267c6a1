package dev.fakesmtp.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.support.AngusMail;
import dev.fakesmtp.support.SmtpDialogue;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The viewer's JSON API and pages, as a script or a browser reads them over HTTP. */
@Timeout(30)
class WebUiApiTest {

    /** Binary, so Jakarta Mail sends it in base64 and the bytes arrive exactly. */
    private static final byte[] PDF = "%PDF-1.7 \u00e2\u00e3\u00cf\u00d3 invoice 42\n".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void apiListsTheMessagesWithTheirEnvelope() throws Exception {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            AngusMail.send(AngusMail.plain(smtp), "First");
            AngusMail.send(AngusMail.plain(smtp), "Second");
            smtp.mailbox().awaitMessages(2, AngusMail.WAIT);

            HttpResponse<String> response = WebClient.get(smtp, "/api/messages");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
            assertThat(response.body()).startsWith("[{\"id\":\"s1-1\",\"receivedAt\":\"")
                    .contains("\"mailFrom\":\"sender@example.com\",\"recipients\":[\"rcpt@example.com\"],"
                            + "\"subject\":\"First\"")
                    .contains("\"id\":\"s2-1\"", "\"subject\":\"Second\"", "\"tls\":null", "\"authenticatedUser\":null",
                            "\"href\":\"/messages/s1-1\"", "\"raw\":\"/api/messages/s1-1/raw\"")
                    .endsWith("}]");
        }
    }

    @Test
    void apiGivesOneMessageWithHeadersBodiesAndAttachmentsAndItsExactBytes() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            WebClient.sendHtml(smtp, "Invoice 42", "Invoice 42 is attached.", "<p>Invoice <b>42</b></p>",
                    "invoice-42.pdf", "application/pdf", PDF);
            ReceivedMail mail = smtp.mailbox().awaitMessages(1, AngusMail.WAIT).get(0);

            String json = WebClient.get(smtp, "/api/messages/s1-1").body();
            HttpResponse<byte[]> raw = WebClient.getBytes(smtp, "/api/messages/s1-1/raw");
            HttpResponse<byte[]> attachment = WebClient.getBytes(smtp, "/api/messages/s1-1/attachments/0");

            assertThat(json).contains("{\"name\":\"Subject\",\"value\":\"Invoice 42\"}",
                    "\"text\":\"Invoice 42 is attached.\"", "\"html\":\"<p>Invoice <b>42</b></p>\"",
                    "\"parseError\":null", "{\"fileName\":\"invoice-42.pdf\",\"contentType\":\"application/pdf\","
                            + "\"size\":" + PDF.length + ",\"inline\":false,\"contentId\":null,"
                            + "\"href\":\"/api/messages/s1-1/attachments/0\"}");
            assertThat(raw.statusCode()).isEqualTo(200);
            assertThat(raw.body()).isEqualTo(mail.raw());
            assertThat(raw.headers().firstValue("Content-Type")).contains("message/rfc822");
            assertThat(raw.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                    value -> assertThat(value).startsWith("attachment; filename=\"s1-1.eml\""));
            assertThat(attachment.body()).isEqualTo(PDF);
            assertThat(attachment.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                    value -> assertThat(value).startsWith("attachment; filename=\"invoice-42.pdf\""));
        }
    }

    @Test
    void apiListsSessionsWithTranscriptsRuleMarksAndViolationsButNoAuthSecret() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            smtp.on(Trigger.rcptTo("bob@example.com")).reply(550, "5.1.1 No such user");
            String secret = Base64.getEncoder().encodeToString("\0alice\0s3cret-password".getBytes(StandardCharsets.US_ASCII));
            try (SmtpDialogue dialogue = SmtpDialogue.afterEhlo(smtp)) {
                dialogue.send("AUTH PLAIN " + secret).expect("235");
                dialogue.send("MAIL FROM:<alice@example.com>").expect("250");
                dialogue.send("RCPT TO:<bob@example.com>").expect("550");
                dialogue.sendRaw("NOOP\n").expect("250");
                dialogue.send("QUIT").expect("221");
            }
            smtp.sessions().get(0).awaitEnd(AngusMail.WAIT);

            String json = WebClient.get(smtp, "/api/sessions").body();
            String rules = WebClient.get(smtp, "/api/rules").body();
            String page = WebClient.get(smtp, "/sessions").body();

            assertThat(json).contains("\"id\":\"s1\"", "\"end\":\"QUIT\"", "\"authenticatedUser\":\"alice\"",
                    "{\"direction\":\"CLIENT\",\"text\":\"RCPT TO:<bob@example.com>\"",
                    "\"text\":\"550 5.1.1 No such user\"", "\"rule\":\"rule #1: ",
                    "{\"type\":\"BARE_LF\",\"detail\":\"Command line ended in a bare LF: NOOP\"}");
            assertThat(rules).contains("\"timesMatched\":1,\"timesFired\":1");
            assertThat(page).contains("550 5.1.1 No such user<span class=\"mark\">   &lt;- rule #1: ",
                    "<li class=\"client violation\"", "BARE_LF");
            assertThat(json + page).doesNotContain("s3cret-password").doesNotContain(secret);
        }
    }

    @Test
    void aRulesNoteIsShownAsANoteNeverAsALineTheServerSent() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            smtp.on(Trigger.noop()).delayThenReply(Duration.ofMillis(20), 250, "2.0.0 Late");
            try (SmtpDialogue dialogue = SmtpDialogue.afterEhlo(smtp)) {
                dialogue.send("NOOP").expect("250 2.0.0 Late");
                dialogue.send("QUIT").expect("221");
            }
            smtp.sessions().get(0).awaitEnd(AngusMail.WAIT);

            String page = WebClient.get(smtp, "/sessions").body();
            String json = WebClient.get(smtp, "/api/sessions").body();

            assertThat(page).contains("<li class=\"note rule\"", "-- (delayed PT0.02S)")
                    .doesNotContain("S: (delayed");
            assertThat(json).contains("{\"direction\":\"NOTE\",\"text\":\"(delayed PT0.02S)\"");
        }
    }

    @Test
    void pagesShowTheMailboxAMessageTheSessionsAndTheRules() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            smtp.on(Trigger.noop()).reply(250, "2.0.0 Scripted");
            WebClient.sendHtml(smtp, "Invoice 42", "Invoice 42 is attached.", "<p>Invoice <b>42</b></p>",
                    "invoice-42.pdf", "application/pdf", PDF);
            smtp.mailbox().awaitMessages(1, AngusMail.WAIT);

            String mailbox = WebClient.get(smtp, "/").body();
            String message = WebClient.get(smtp, "/messages/s1-1").body();
            String rules = WebClient.get(smtp, "/rules").body();

            assertThat(mailbox).contains("<a href=\"/messages/s1-1\">Invoice 42</a>", "shop@example.com",
                    "bob@example.com", "<script src=\"/viewer.js\" defer></script>");
            assertThat(message).contains("<h2>Invoice 42</h2>", "Invoice 42 is attached.",
                    "srcdoc=\"&lt;base target=&quot;_blank&quot;&gt;&lt;p&gt;Invoice &lt;b&gt;42&lt;/b&gt;&lt;/p&gt;\"",
                    "href=\"/api/messages/s1-1/attachments/0\" download=\"invoice-42.pdf\"",
                    "<summary>Session transcript</summary>", "C: DATA");
            assertThat(rules).contains("on NOOP", "<td class=\"num\">0</td><td class=\"num\">0</td>");
            assertThat(WebClient.get(smtp, "/viewer.js").body()).contains("new EventSource('/events')");
        }
    }

    @Test
    void unknownPagesAndMessagesAre404AndWritesAre405() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            assertThat(WebClient.get(smtp, "/nothing").statusCode()).isEqualTo(404);
            assertThat(WebClient.get(smtp, "/messages/s9-9").statusCode()).isEqualTo(404);
            assertThat(WebClient.get(smtp, "/api/messages/s9-9/raw").statusCode()).isEqualTo(404);
            assertThat(WebClient.send(WebClient.request(smtp, "/api/messages")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("x")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(405);
            assertThat(WebClient.send(WebClient.request(smtp, "/api/messages").DELETE().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(405);
        }
    }
}
