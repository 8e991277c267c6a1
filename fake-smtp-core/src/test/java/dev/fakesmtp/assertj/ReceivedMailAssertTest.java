package dev.fakesmtp.assertj;

import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.ReceivedMail;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ReceivedMailAssertTest {

    private static final String WHO = "the message from <shop@example.com> to [bob@example.com], subject \"Your order\""
            + " (session s1)";

    private final ReceivedMail mail = Mails.raw("shop@example.com", "bob@example.com", Map.of(), ""
            + "From: Shop <shop@example.com>\r\n"
            + "To: Bob <bob@example.com>, carol@example.com\r\n"
            + "Cc: audit@example.com\r\n"
            + "Reply-To: support@example.com\r\n"
            + "Subject: Your order\r\n"
            + "X-Order: 42\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n"
            + "\r\n"
            + "--b1\r\n"
            + "Content-Type: multipart/alternative; boundary=\"b2\"\r\n"
            + "\r\n"
            + "--b2\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n"
            + "\r\n"
            + "Hello Bob,\r\n"
            + "order 42 ships today.\r\n"
            + "--b2\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n"
            + "\r\n"
            + "<p>Hello Bob, order <b>42</b> ships today.</p>\r\n"
            + "--b2--\r\n"
            + "--b1\r\n"
            + "Content-Type: application/pdf; name=\"invoice.pdf\"\r\n"
            + "Content-Disposition: attachment; filename=\"invoice.pdf\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n"
            + "\r\n"
            + Base64.getEncoder().encodeToString("%PDF-1.7 invoice".getBytes(StandardCharsets.US_ASCII)) + "\r\n"
            + "--b1--\r\n");

    @Test
    void envelope() {
        assertThat(mail).hasEnvelopeSender("shop@example.com").hasEnvelopeRecipients("BOB@example.com")
                .hasEnvelopeRecipient("bob@example.com");

        assertThatThrownBy(() -> assertThat(mail).hasEnvelopeSender("noreply@example.com"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("Expecting the envelope sender of " + WHO + "\n  to be: <noreply@example.com>\n"
                        + "  but was: <shop@example.com>");
        assertThatThrownBy(() -> assertThat(mail).hasEnvelopeRecipients("bob@example.com", "carol@example.com"))
                .hasMessage("Expecting the envelope recipients of " + WHO + " to be [bob@example.com, carol@example.com]"
                        + " (in any order), but it is [bob@example.com]");
        assertThatThrownBy(() -> assertThat(mail).hasEnvelopeRecipient("carol@example.com"))
                .hasMessage("Expecting the envelope recipients of " + WHO + " to include <carol@example.com>, but they"
                        + " are [bob@example.com]");
    }

    @Test
    void addressHeaders() {
        assertThat(mail).hasFrom("shop@example.com").hasTo("carol@example.com", "bob@example.com")
                .hasCc("audit@example.com").hasReplyTo("support@example.com");

        assertThatThrownBy(() -> assertThat(mail).hasTo("bob@example.com"))
                .hasMessage("Expecting the To header of " + WHO + " to be [bob@example.com] (in any order), but it is"
                        + " [bob@example.com, carol@example.com]");
    }

    @Test
    void subjectAndHeaders() {
        assertThat(mail).hasSubject("Your order").hasSubjectContaining("order").hasHeader("x-order")
                .hasHeader("X-Order", "42").doesNotHaveHeader("X-Spam");

        assertThatThrownBy(() -> assertThat(mail).hasSubject("Your orders"))
                .hasMessage("Expecting the subject of " + WHO + "\n  to be: \"Your orders\"\n  but was: \"Your order\"");
        assertThatThrownBy(() -> assertThat(mail).hasSubjectContaining("invoice"))
                .hasMessage("Expecting the subject of " + WHO + " to contain \"invoice\", but it is \"Your order\"");
        assertThatThrownBy(() -> assertThat(mail).hasHeader("X-Order", "43"))
                .hasMessage("Expecting the X-Order header of " + WHO + " to be \"43\", but it is \"42\"");
        assertThatThrownBy(() -> assertThat(mail).hasHeader("X-Spam"))
                .hasMessage("Expecting " + WHO + " to have a header named X-Spam, but it has none.");
        assertThatThrownBy(() -> assertThat(mail).doesNotHaveHeader("X-Order"))
                .hasMessage("Expecting " + WHO + " to have no X-Order header, but it is \"42\"");
    }

    @Test
    void bodiesCompareWithoutCaringForCrlfOrTrailingLineBreaks() {
        assertThat(mail).hasText("Hello Bob,\norder 42 ships today.")
                .hasText("Hello Bob,\r\norder 42 ships today.\r\n")
                .hasTextContaining("Hello Bob,\norder", "ships")
                .hasTextMatching("Hello \\w+,\norder \\d+ ships today\\.")
                .hasHtml("<p>Hello Bob, order <b>42</b> ships today.</p>")
                .hasHtmlContaining("<b>42</b>")
                .hasHtmlMatching("<p>.*</p>");
        assertThat(Mails.mail("a@example.com", "b@example.com", "plain", "text")).hasNoHtml();
    }

    @Test
    void bodyFailuresShowTheBody() {
        assertThatThrownBy(() -> assertThat(mail).hasText("Hello Bob,\norder 43 ships today."))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("Expecting the text body of " + WHO + "\n  to be: \"Hello Bob,\\norder 43 ships today.\"\n"
                        + "  but was: \"Hello Bob,\\norder 42 ships today.\"");
        assertThatThrownBy(() -> assertThat(mail).hasTextContaining("Hello", "order 43"))
                .hasMessage("Expecting the text body of " + WHO + " to contain \"order 43\", but it is:\n"
                        + "  \"Hello Bob,\\norder 42 ships today.\"");
        assertThatThrownBy(() -> assertThat(mail).hasTextMatching("Bye.*"))
                .hasMessage("Expecting the text body of " + WHO + " to match /Bye.*/, but it is:\n"
                        + "  \"Hello Bob,\\norder 42 ships today.\"");
        assertThatThrownBy(() -> assertThat(mail).hasNoHtml())
                .hasMessage("Expecting " + WHO + " to have no HTML body, but it has"
                        + " \"<p>Hello Bob, order <b>42</b> ships today.</p>\"");
        assertThatThrownBy(() -> assertThat(Mails.mail("a@example.com", "b@example.com", "plain", "text")).hasHtml("x"))
                .hasMessageEndingWith("  to be: \"x\"\n  but was: (none)");
    }

    @Test
    void failuresSayWhatIsMissing() {
        ReceivedMail bare = Mails.raw("a@example.com", "b@example.com", Map.of(), "From: a@example.com\r\n\r\n");
        String bareWho = "the message from <a@example.com> to [b@example.com], subject (none) (session s1)";

        assertThatThrownBy(() -> assertThat(bare).hasSubjectContaining("order"))
                .hasMessage("Expecting the subject of " + bareWho + " to contain \"order\", but it is null");
        assertThatThrownBy(() -> assertThat(bare).hasHeader("X-Order", "42"))
                .hasMessage("Expecting the X-Order header of " + bareWho + " to be \"42\", but there is none.");
        assertThatThrownBy(() -> assertThat(bare).hasHtmlContaining("<p>"))
                .hasMessage("Expecting the HTML body of " + bareWho + " to contain \"<p>\", but it is missing.");
        assertThatThrownBy(() -> assertThat(bare).hasHtmlMatching("<p>.*"))
                .hasMessage("Expecting the HTML body of " + bareWho + " to match /<p>.*/, but it is missing.");
        assertThatThrownBy(() -> assertThat(bare).attachment("a.pdf"))
                .hasMessage("Expecting " + bareWho + " to have one attachment named \"a.pdf\", but it has []");
    }

    @Test
    void aLongBodyIsShownShortened() {
        String html = "<p>" + "x".repeat(200) + "</p>";
        ReceivedMail newsletter = Mails.raw("a@example.com", "b@example.com", Map.of(), "Subject: News\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\n\r\n" + html + "\r\n");

        assertThatThrownBy(() -> assertThat(newsletter).hasNoHtml())
                .hasMessageEndingWith("to have no HTML body, but it has \"" + html.substring(0, 120) + "...\"");
    }

    @Test
    void twoAttachmentsOfTheSameNameAreNotOne() {
        String part = "--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"a.txt\"\r\n\r\nA\r\n";
        ReceivedMail twice = Mails.raw("a@example.com", "b@example.com", Map.of(), "Subject: Twice\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n" + part + part + "--b--\r\n");

        assertThatThrownBy(() -> assertThat(twice).attachment("a.txt"))
                .hasMessageEndingWith("to have one attachment named \"a.txt\", but it has 2: [attachment a.txt text/plain"
                        + " 1 bytes, attachment a.txt text/plain 1 bytes]");
    }

    @Test
    void attachments() {
        assertThat(mail).hasAttachments("invoice.pdf").attachment("invoice.pdf")
                .hasContentType("application/pdf").hasSize(16).hasTextContent("%PDF-1.7 invoice")
                .hasContent("%PDF-1.7 invoice".getBytes(StandardCharsets.US_ASCII)).isNotInline();
        assertThat(Mails.mail("a@example.com", "b@example.com", "plain", "text")).hasNoAttachments();

        assertThatThrownBy(() -> assertThat(mail).hasAttachments("invoice.pdf", "terms.pdf"))
                .hasMessage("Expecting the attachments of " + WHO + " to be [invoice.pdf, terms.pdf], but they are"
                        + " [attachment invoice.pdf application/pdf 16 bytes]");
        assertThatThrownBy(() -> assertThat(mail).hasNoAttachments())
                .hasMessage("Expecting " + WHO + " to have no attachments, but it has"
                        + " [attachment invoice.pdf application/pdf 16 bytes]");
        assertThatThrownBy(() -> assertThat(mail).attachment("terms.pdf"))
                .hasMessage("Expecting " + WHO + " to have one attachment named \"terms.pdf\", but it has"
                        + " [attachment invoice.pdf application/pdf 16 bytes]");
        assertThatThrownBy(() -> assertThat(mail).attachment("invoice.pdf").hasSize(17))
                .hasMessage("Expecting the size of attachment invoice.pdf application/pdf 16 bytes\n"
                        + "  to be: 17 bytes\n  but was: 16 bytes");
        assertThatThrownBy(() -> assertThat(mail).attachment("invoice.pdf").hasContent(new byte[] {'%', 'P', 'D', 'X'}))
                .hasMessage("Expecting the content of attachment invoice.pdf application/pdf 16 bytes to be the expected"
                        + " 4 bytes, but it differs from byte 3 on (it has 16 bytes).");
    }
}
