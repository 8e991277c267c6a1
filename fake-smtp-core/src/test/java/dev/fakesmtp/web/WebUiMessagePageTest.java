package dev.fakesmtp.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.AngusMail;
import dev.fakesmtp.support.SmtpDialogue;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A message's page in the viewer, as a developer reads it: the envelope and header summary, the
 * HTML body with its embedded images, the parts, the raw source and the session it came in.
 */
@Timeout(30)
class WebUiMessagePageTest {

    /** The eight-byte PNG signature: enough for a browser to call it a PNG, and small. */
    private static final String PNG_BASE64 = "iVBORw0KGgo=";

    /** A newsletter whose HTML shows an image it carries as a related part (RFC 2392 cid: URLs). */
    private static final String NEWSLETTER = """
            From: Alice <alice@example.com>\r
            To: bob@example.com\r
            Cc: carol@example.com\r
            Subject: Newsletter\r
            MIME-Version: 1.0\r
            Content-Type: multipart/related; boundary="b1"\r
            \r
            --b1\r
            Content-Type: text/html; charset=utf-8\r
            \r
            <!DOCTYPE html><p><img src="cid:logo@example.com"><img src="CID:Logo%40Example.com">\
            <img src="cid:missing@example.com"><img src="cid:vector@example.com"></p>\r
            --b1\r
            Content-Type: image/png\r
            Content-Transfer-Encoding: base64\r
            Content-ID: <logo@example.com>\r
            Content-Disposition: inline\r
            \r
            iVBORw0KGgo=\r
            --b1\r
            Content-Type: image/svg+xml\r
            Content-ID: <vector@example.com>\r
            Content-Disposition: inline\r
            \r
            <svg xmlns="http://www.w3.org/2000/svg"/>\r
            --b1--\r
            """;

    @Test
    void theSummaryShowsTheEnvelopeNextToTheHeadersAndLinksTheSession() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            deliver(smtp, "MAIL FROM:<alice@example.com> BODY=8BITMIME SIZE=2000 SMTPUTF8", NEWSLETTER);
            int size = smtp.mailbox().awaitMessages(1, AngusMail.WAIT).get(0).size();

            String page = WebClient.get(smtp, "/messages/s1-1").body();

            assertThat(page).contains(
                    "<tr><th>MAIL FROM</th><td>&lt;alice@example.com&gt; BODY=8BITMIME SIZE=2000 SMTPUTF8</td>"
                            + "<th>From</th><td>alice@example.com</td></tr>",
                    "<tr><th>RCPT TO</th><td>bob@example.com, carol@example.com</td>"
                            + "<th>To</th><td>bob@example.com; Cc: carol@example.com</td></tr>",
                    "<th>Size</th><td>" + size + " B (" + size + " bytes)</td></tr>",
                    "<tr><th>TLS</th><td>none (clear text)</td><th>AUTH</th><td>none</td></tr>",
                    "<tr><th>Session</th><td colspan=\"3\"><a href=\"/sessions#session-s1\">s1</a>, transaction 1,"
                            + " HELO client.test, client /127.0.0.1:");
            assertThat(page).containsPattern("<tr><th>Received</th><td>\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}</td>");
            assertThat(page).contains("<tr><th>Subject</th><td>Newsletter</td></tr>",
                    "<tr><th>Cc</th><td>carol@example.com</td></tr>");
        }
    }

    @Test
    void aMessageWithoutHeadersOrBodiesSaysSoInsteadOfShowingBlanks() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            deliver(smtp, "MAIL FROM:<>", "X-Empty:\r\n\r\n");
            smtp.mailbox().awaitMessages(1, AngusMail.WAIT);

            String page = WebClient.get(smtp, "/messages/s1-1").body();
            String mailbox = WebClient.get(smtp, "/").body();

            assertThat(page).contains("<h2>(no subject)</h2>",
                    "<tr><th>MAIL FROM</th><td>&lt;&gt;</td><th>From</th><td><span class=\"muted\">none</span></td></tr>",
                    "<th>To</th><td><span class=\"muted\">none</span></td></tr>",
                    "<tr><th>X-Empty</th><td><span class=\"muted\">none</span></td></tr>",
                    "<h3>HTML body</h3>\n<p class=\"empty\">No HTML body.</p>",
                    "<h3>Attachments and inline parts</h3>\n<p class=\"empty\">None.</p>")
                    .doesNotContain("<iframe");
            assertThat(mailbox).contains("<td>&lt;&gt;</td>", ">(no subject)</a>");
            assertThat(WebClient.get(smtp, "/api/messages").body()).contains("\"mailFrom\":\"\"", "\"subject\":null");
        }
    }

    @Test
    void embeddedImagesShowInTheHtmlBodyAndUnknownOrUnsafeOnesStayAsWritten() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            deliver(smtp, "MAIL FROM:<alice@example.com>", NEWSLETTER);
            smtp.mailbox().awaitMessages(1, AngusMail.WAIT);

            String page = WebClient.get(smtp, "/messages/s1-1").body();

            String image = "&lt;img src=&quot;data:image/png;base64," + PNG_BASE64 + "&quot;&gt;";
            // The base comes after the doctype, so the mail keeps the rendering mode it asked for.
            assertThat(page).contains("srcdoc=\"&lt;!DOCTYPE html&gt;&lt;base target=&quot;_blank&quot;&gt;&lt;p&gt;"
                    + image + image + "&lt;img src=&quot;cid:missing@example.com&quot;&gt;"
                    + "&lt;img src=&quot;cid:vector@example.com&quot;&gt;&lt;/p&gt;");
            assertThat(page).contains("<h3>Text body</h3>\n<p class=\"empty\">No text body.</p>",
                    "<li><a class=\"download\" href=\"/api/messages/s1-1/attachments/0\" download=\"part-1\">part-1</a>"
                            + " <span class=\"muted\">image/png, 8 B, inline, Content-ID &lt;logo@example.com&gt;</span>"
                            + "<img alt=\"part-1\" src=\"data:image/png;base64," + PNG_BASE64 + "\"></li>",
                    "<li><a class=\"download\" href=\"/api/messages/s1-1/attachments/1\" download=\"part-2\">part-2</a>"
                            + " <span class=\"muted\">image/svg+xml, 41 B, inline, Content-ID &lt;vector@example.com&gt;"
                            + "</span></li>");
            HttpResponse<byte[]> png = WebClient.getBytes(smtp, "/api/messages/s1-1/attachments/0");
            assertThat(png.headers().firstValue("Content-Type")).contains("image/png");
            assertThat(png.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                    value -> assertThat(value).startsWith("attachment; filename=\"part-1\""));
            assertThat(png.body()).hasSize(8);
        }
    }

    @Test
    void cidUrlsAreMatchedAsWrittenWhenTheyAreNotValidEscapesAndImagesWithoutAContentIdAreOnlyListed() {
        String message = """
                Subject: Odd ids\r
                Content-Type: multipart/related; boundary="b1"\r
                \r
                --b1\r
                Content-Type: text/html\r
                \r
                <img src="cid:100%zz@example.com"><img src="cid:a+b@example.com">\r
                --b1\r
                Content-Type: image/png\r
                Content-Transfer-Encoding: base64\r
                Content-Disposition: attachment; filename="no-id.png"\r
                \r
                iVBORw0KGgo=\r
                --b1\r
                Content-Type: image/gif\r
                Content-Transfer-Encoding: base64\r
                Content-ID: <100%zz@example.com>\r
                \r
                R0lGODlh\r
                --b1\r
                Content-Type: image/jpeg\r
                Content-Transfer-Encoding: base64\r
                Content-ID: <a+b@example.com>\r
                \r
                /9j/\r
                --b1--\r
                """;
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            deliver(smtp, "MAIL FROM:<alice@example.com>", message);
            smtp.mailbox().awaitMessages(1, AngusMail.WAIT);

            HttpResponse<String> page = WebClient.get(smtp, "/messages/s1-1");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("srcdoc=\"&lt;base target=&quot;_blank&quot;&gt;"
                    + "&lt;img src=&quot;data:image/gif;base64,R0lGODlh&quot;&gt;"
                    + "&lt;img src=&quot;data:image/jpeg;base64,/9j/&quot;&gt;",
                    "download=\"no-id.png\">no-id.png</a> <span class=\"muted\">image/png, 8 B</span>"
                            + "<img alt=\"no-id.png\" src=\"data:image/png;base64," + PNG_BASE64 + "\"></li>");
        }
    }

    @Test
    void theRawSourceIsShownWholeUpTo256KibAndCutAfterIt() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            deliver(smtp, "MAIL FROM:<alice@example.com>", ofLength(256 * 1024, "Whole"));
            deliver(smtp, "MAIL FROM:<alice@example.com>", ofLength(256 * 1024 + 1, "Cut"));
            assertThat(smtp.mailbox().awaitMessages(2, AngusMail.WAIT)).extracting(mail -> mail.raw().length)
                    .containsExactly(256 * 1024, 256 * 1024 + 1);

            String whole = WebClient.get(smtp, "/messages/s1-1").body();
            String cut = WebClient.get(smtp, "/messages/s2-1").body();

            assertThat(whole).contains("download=\"s1-1.eml\">Download the .eml</a></p>", "last line\r\n</pre>");
            assertThat(cut).contains("download=\"s2-1.eml\">Download the .eml</a> (the page shows the first 256 KiB)</p>")
                    .contains("last line\r</pre>");
        }
    }

    /** A message of exactly {@code length} bytes, ending in the line "last line". */
    private static String ofLength(int length, String subject) {
        StringBuilder message = new StringBuilder("Subject: " + subject + "\r\n\r\n");
        String end = "last line\r\n";
        int fill = length - message.length() - end.length();
        int lines = fill / 80;
        int rest = fill % 80;
        if (rest == 1) {
            message.append("x".repeat(79)).append("\r\n"); // 81 bytes: one full line and the odd byte
            lines--;
        } else if (rest > 1) {
            message.append("x".repeat(rest - 2)).append("\r\n");
        }
        message.append(("x".repeat(78) + "\r\n").repeat(lines)).append(end);
        assertThat(message).hasSize(length);
        return message.toString();
    }

    @Test
    void remoteImagesLoadOnlyAfterTheUserAsksForThem() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            deliver(smtp, "MAIL FROM:<alice@example.com>", NEWSLETTER);
            smtp.mailbox().awaitMessages(1, AngusMail.WAIT);

            String blocked = WebClient.get(smtp, "/messages/s1-1").body();
            String loaded = WebClient.get(smtp, "/messages/s1-1?images=remote").body();

            assertThat(blocked).contains("remote content is blocked. <a class=\"remote-images\""
                    + " href=\"/messages/s1-1?images=remote\">Load remote images</a>");
            assertThat(loaded).contains("Shown in a sandbox: scripts, forms and navigation are off;"
                    + " remote images are loaded.</p>").doesNotContain("Load remote images");
        }
    }

    @Test
    void theRawSourceIsShownAndOfferedAsAnEmlDownload() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            deliver(smtp, "MAIL FROM:<alice@example.com>", "Subject: Short\r\n\r\nA <short> one.\r\n");
            smtp.mailbox().awaitMessages(1, AngusMail.WAIT);

            String page = WebClient.get(smtp, "/messages/s1-1").body();

            assertThat(page).contains("<summary>Raw source</summary>\n<p class=\"note\"><a href=\"/api/messages/s1-1/raw\""
                    + " download=\"s1-1.eml\">Download the .eml</a></p>\n<pre class=\"mail-raw\">Subject: Short\r\n\r\n"
                    + "A &lt;short&gt; one.\r\n</pre>");
        }
    }

    @Test
    void aMessagePageShowsOnlyItsOwnSessionAndSaysWhenThatSessionIsForgotten() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().sessionHistory(2).webUi().build().start()) {
            deliver(smtp, "MAIL FROM:<first@example.com>", "Subject: First\r\n\r\nOne.\r\n");
            deliver(smtp, "MAIL FROM:<second@example.com>", "Subject: Second\r\n\r\nTwo.\r\n");
            smtp.mailbox().awaitMessages(2, AngusMail.WAIT);

            String second = WebClient.get(smtp, "/messages/s2-1").body();
            assertThat(second).contains("id=\"message-session-s2\"", "C: MAIL FROM:&lt;second@example.com&gt;")
                    .doesNotContain("id=\"message-session-s1\"").doesNotContain("first@example.com");

            deliver(smtp, "MAIL FROM:<third@example.com>", "Subject: Third\r\n\r\nThree.\r\n");
            smtp.mailbox().awaitMessages(3, AngusMail.WAIT);
            smtp.sessions().get(1).awaitEnd(AngusMail.WAIT);

            assertThat(WebClient.get(smtp, "/messages/s1-1").body())
                    .contains("<p class=\"empty\">The server no longer remembers session s1.</p>");
        }
    }

    @Test
    void pathsUnderAMessageThatNameNothingAre404() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            deliver(smtp, "MAIL FROM:<alice@example.com>", NEWSLETTER);
            smtp.mailbox().awaitMessages(1, AngusMail.WAIT);

            for (String path : new String[] {"/api/messages/s1-1/other", "/api/messages/s1-1/raw/more",
                    "/api/messages/s1-1/attachments/2", "/api/messages/s1-1/attachments/x",
                    "/api/messages/s1-1/attachments/-1", "/api/messages/s1-1/other/0", "/messages/s1-1/raw",
                    "/messages", "/api/messages/s1-1/attachments/0/more", "/x/messages/s1-1", "/api/x/s1-1", "/x/s1-1"}) {
                HttpResponse<String> response = WebClient.get(smtp, path);
                assertThat(response.statusCode()).as(path).isEqualTo(404);
            }
            assertThat(WebClient.get(smtp, "/api/messages/s1-1/other").body()).contains("No such page.");
            assertThat(WebClient.get(smtp, "/messages/s9-9").body())
                    .contains("No message with this id (the server may have been reset).");
            assertThat(WebClient.get(smtp, "/api/messages/s1-1/attachments/2").body())
                    .isEqualTo("Message s1-1 has no part 2");
            assertThat(WebClient.get(smtp, "/api/messages/s1-1/attachments/1").statusCode()).isEqualTo(200);
        }
    }

    /** One SMTP session that delivers {@code message} to bob and carol after {@code mailFrom}. */
    private static void deliver(FakeSmtpServer smtp, String mailFrom, String message) {
        try (SmtpDialogue dialogue = SmtpDialogue.afterEhlo(smtp)) {
            dialogue.send(mailFrom).expect("250");
            dialogue.send("RCPT TO:<bob@example.com>").expect("250");
            dialogue.send("RCPT TO:<carol@example.com>").expect("250");
            dialogue.send("DATA").expect("354");
            dialogue.sendRaw(message + ".\r\n").expect("250");
            dialogue.send("QUIT").expect("221");
        }
    }
}
