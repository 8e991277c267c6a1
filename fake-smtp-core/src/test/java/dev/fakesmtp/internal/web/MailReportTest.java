package dev.fakesmtp.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.support.AngusMail;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mail report a failing test leaves behind (fake-smtp-junit5 writes it through
 * {@link MailReport#write}, its only entry point, which is why this test sits in the internal
 * package): what a developer sees opening its {@code index.html}, and the files next to it.
 */
@Timeout(60)
class MailReportTest {

    private static final String BASE64_DOWNLOAD = "data:application/octet-stream;base64,";
    private static final String LONG_NAME = "a".repeat(150) + ".txt";

    @TempDir
    Path temp;

    @Test
    void theReportShowsEachServersMailSessionsAndRulesAndWritesEveryMessageAndPart() throws IOException {
        byte[] invoice = bytes(1023, 'i');
        byte[] page = bytes(1024, 'p');
        byte[] note = bytes(3, 'n');
        try (FakeSmtpServer first = FakeSmtpServer.builder().build().start();
             FakeSmtpServer second = FakeSmtpServer.builder().build().start()) {
            first.on(Trigger.noop()).reply(250, "2.0.0 Scripted");
            Map<String, byte[]> parts = new LinkedHashMap<>();
            parts.put("Rechnung M\u00e4rz.pdf", invoice);
            parts.put("../../evil name.html", page);
            parts.put(LONG_NAME, note);
            send(first, "Invoice", "<p>Your <b>invoice</b></p>", parts);
            send(second, "Welcome", null, Map.of());
            ReceivedMail invoiceMail = first.mailbox().awaitMessages(1, AngusMail.WAIT).get(0);
            ReceivedMail welcomeMail = second.mailbox().awaitMessages(1, AngusMail.WAIT).get(0);
            first.sessions().get(0).awaitEnd(AngusMail.WAIT);
            second.sessions().get(0).awaitEnd(AngusMail.WAIT);
            second.close();
            Path folder = temp.resolve("report");
            Files.createDirectories(folder.resolve("message-9"));
            Files.writeString(folder.resolve("message-9").resolve("1-old.txt"), "from an earlier run");

            Path index = MailReport.write(folder, "SignupTest > sends", "The test failed: boom",
                    List.of(new MailReport.Source("smtp-a", first), new MailReport.Source("smtp-b", second)));

            assertThat(index).isEqualTo(folder.resolve("index.html"));
            assertThat(folder.resolve("message-9")).doesNotExist();
            assertThat(folder.resolve("message-1.eml")).hasBinaryContent(invoiceMail.raw());
            assertThat(folder.resolve("message-2.eml")).hasBinaryContent(welcomeMail.raw());
            assertThat(folder.resolve("message-1").resolve("1-Rechnung_M_rz.pdf")).hasBinaryContent(invoice);
            // A hostile name cannot leave the folder; a long one is cut to a hundred characters.
            assertThat(folder.resolve("message-1").resolve("2-.._.._evil_name.html")).hasBinaryContent(page);
            assertThat(folder.resolve("message-1").resolve("3-" + "a".repeat(98))).hasBinaryContent(note);
            try (var files = Files.list(folder.resolve("message-1"))) {
                assertThat(files).hasSize(3);
            }
            assertThat(folder.resolve("message-2")).doesNotExist();

            String html = Files.readString(index, StandardCharsets.UTF_8);
            assertThat(html).contains("<title>SignupTest &gt; sends - fake-smtp report</title>",
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; img-src data:;",
                    "<span class=\"where\">2 messages</span>", "<h1>SignupTest &gt; sends</h1>",
                    "<div class=\"outcome\">The test failed: boom</div>",
                    "<h2>Captured by smtp-a</h2>\n<p class=\"note\">SMTP on " + first.host() + ":" + first.port()
                            + " \u00b7 1 message \u00b7 1 session</p>",
                    // A closed server has no address to show.
                    "<h2>Captured by smtp-b</h2>\n<p class=\"note\">1 message \u00b7 1 session</p>",
                    "<a href=\"#message-1\">Invoice</a>", "<a href=\"#message-2\">Welcome</a>",
                    "<section class=\"message\" id=\"message-1\">", "<section class=\"message\" id=\"message-2\">",
                    "<a href=\"message-1.eml\" download=\"s1-1.eml\">Download the .eml</a>",
                    "<a href=\"message-2.eml\" download=\"s1-1.eml\">Download the .eml</a>",
                    "<a href=\"#server-1-session-s1\">s1</a>", "<a href=\"#server-2-session-s1\">s1</a>",
                    "<section class=\"session\" id=\"server-1-session-s1\">",
                    "<section class=\"session\" id=\"server-2-session-s1\">",
                    "remote content is blocked (open the .eml in a mail client to see it).",
                    "<a class=\"download\" href=\"" + BASE64_DOWNLOAD + base64(invoice)
                            + "\" download=\"Rechnung M\u00e4rz.pdf\">Rechnung M\u00e4rz.pdf</a>"
                            + " <span class=\"muted\">application/pdf, 1023 B</span>",
                    "<a class=\"download\" href=\"" + BASE64_DOWNLOAD + base64(page)
                            + "\" download=\"../../evil name.html\">../../evil name.html</a>"
                            + " <span class=\"muted\">application/pdf, 1.0 KiB</span>",
                    "<h2>Failure rules</h2>", "on NOOP")
                    .doesNotContain("<script", "Load remote images", "http://", "https://");
            assertThat(html.split("<h2>Failure rules</h2>", -1)).as("one server has rules").hasSize(2);
        }
    }

    @Test
    void aReportWithoutAnOutcomeOrMailSaysSo() throws IOException {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().build().start()) {
            send(smtp, "Only one", null, Map.of());
            smtp.mailbox().awaitMessages(1, AngusMail.WAIT);

            String one = Files.readString(MailReport.write(temp.resolve("one"), "One", null,
                    List.of(new MailReport.Source("smtp", smtp))));
            smtp.reset();
            String none = Files.readString(MailReport.write(temp.resolve("none"), "None", null,
                    List.of(new MailReport.Source("smtp", smtp))));

            assertThat(one).contains("<span class=\"where\">1 message</span>", " \u00b7 1 message \u00b7 1 session</p>")
                    .doesNotContain("class=\"outcome\"", "<h2>Failure rules</h2>");
            assertThat(none).contains("<span class=\"where\">0 messages</span>", " \u00b7 0 messages \u00b7 0 sessions</p>",
                    "<p class=\"empty\" id=\"no-messages\">No messages captured.</p>", "<p class=\"empty\">No sessions.</p>");
            assertThat(temp.resolve("none")).isDirectoryContaining(path -> path.endsWith("index.html"));
            try (var files = Files.list(temp.resolve("none"))) {
                assertThat(files).hasSize(1);
            }
        }
    }

    @Test
    void partsUpToTwoMebibytesAreEmbeddedAndLargerOnesLinkedAsTheFileNextToTheReport() throws IOException {
        byte[] oneMebibyte = bytes(1024 * 1024, 'm');
        byte[] limit = bytes(ReportLinks.MAX_EMBEDDED_DOWNLOAD, 'l');
        byte[] overLimit = bytes(ReportLinks.MAX_EMBEDDED_DOWNLOAD + 1, 'o');
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().build().start()) {
            Map<String, byte[]> parts = new LinkedHashMap<>();
            parts.put("one.bin", oneMebibyte);
            parts.put("limit.bin", limit);
            parts.put("over.bin", overLimit);
            send(smtp, "Large", null, parts);
            smtp.mailbox().awaitMessages(1, AngusMail.WAIT);
            Path folder = temp.resolve("large");

            String html = Files.readString(MailReport.write(folder, "Large", null,
                    List.of(new MailReport.Source("smtp", smtp))));

            assertThat(html).contains("download=\"one.bin\">one.bin</a> <span class=\"muted\">application/pdf, 1.0 MiB",
                    "<a class=\"download\" href=\"" + BASE64_DOWNLOAD + base64(limit) + "\" download=\"limit.bin\">",
                    "limit.bin</a> <span class=\"muted\">application/pdf, 2.0 MiB",
                    "<a class=\"download\" href=\"message-1/3-over.bin\" download=\"over.bin\">")
                    .doesNotContain(base64(overLimit));
            assertThat(folder.resolve("message-1").resolve("3-over.bin")).hasBinaryContent(overLimit);
        }
    }

    private static byte[] bytes(int size, char fill) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) fill);
        return bytes;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Sends, with Jakarta Mail, a text body, an optional HTML body and the parts as PDF attachments. */
    private static void send(FakeSmtpServer server, String subject, String html, Map<String, byte[]> parts) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(AngusMail.plain(server)));
            message.setFrom("app@example.com");
            message.setRecipients(Message.RecipientType.TO, "bob@example.com");
            message.setSubject(subject, "UTF-8");
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart text = new MimeBodyPart();
            text.setText("The text of " + subject, "UTF-8");
            mixed.addBodyPart(text);
            if (html != null) {
                MimeBodyPart htmlPart = new MimeBodyPart();
                htmlPart.setText(html, "UTF-8", "html");
                mixed.addBodyPart(htmlPart);
            }
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                MimeBodyPart file = new MimeBodyPart();
                file.setDataHandler(new DataHandler(new ByteArrayDataSource(part.getValue(), "application/pdf")));
                file.setFileName(part.getKey());
                file.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(file);
            }
            message.setContent(mixed);
            Transport.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("Sending to " + server + " failed", e);
        }
    }
}
