package dev.fakesmtp.assertj;

import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;
import static dev.fakesmtp.assertj.MailMatcher.mail;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.Attachment;
import dev.fakesmtp.AuthMechanism;
import dev.fakesmtp.Authentication;
import dev.fakesmtp.Envelope;
import dev.fakesmtp.FailureCase;
import dev.fakesmtp.FailureCatalog;
import dev.fakesmtp.FailureKind;
import dev.fakesmtp.FailureStage;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.Recipient;
import dev.fakesmtp.TlsInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.Test;

/**
 * Every assertion of every Assert type, chained the way users write them: each one returns the
 * assert it was called on, so the next call in the chain runs (a passing chain per type, with
 * every assertion followed by another).
 */
class AssertionChainsTest {

    private static final String RAW = ""
            + "From: Shop <shop@example.com>\r\n"
            + "To: Bob <bob@example.com>\r\n"
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
            + "Order 42 ships today.\r\n"
            + "--b2\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n"
            + "\r\n"
            + "<p>Order <b>42</b> ships today.</p>\r\n"
            + "--b2--\r\n"
            + "--b1\r\n"
            + "Content-Type: text/plain; name=\"terms.txt\"\r\n"
            + "Content-Disposition: attachment; filename=\"terms.txt\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n"
            + "\r\n"
            + Base64.getEncoder().encodeToString("Be nice.".getBytes(StandardCharsets.US_ASCII)) + "\r\n"
            + "--b1--\r\n";

    private final ReceivedMail order = Mails.raw("shop@example.com", "bob@example.com", Map.of(), RAW);

    @Test
    void receivedMailAssertionsChain() {
        assertThat(order)
                .hasEnvelopeSender("shop@example.com")
                .hasEnvelopeRecipients("bob@example.com")
                .hasEnvelopeRecipient("bob@example.com")
                .wasNotSentOverTls()
                .wasNotAuthenticated()
                .hasFrom("shop@example.com")
                .hasTo("bob@example.com")
                .hasCc("audit@example.com")
                .hasReplyTo("support@example.com")
                .hasSubject("Your order")
                .hasSubjectContaining("order")
                .hasHeader("X-Order")
                .hasHeader("X-Order", "42")
                .doesNotHaveHeader("X-Spam")
                .hasText("Order 42 ships today.")
                .hasTextContaining("42")
                .hasTextMatching("Order \\d+ ships today\\.")
                .hasHtml("<p>Order <b>42</b> ships today.</p>")
                .hasHtmlContaining("<b>42</b>")
                .hasHtmlMatching("<p>.*</p>")
                .hasAttachments("terms.txt")
                .isEncodedCorrectly()
                .attachment("terms.txt").hasFileName("terms.txt");

        ReceivedMail plain = Mails.mail("a@example.com", "b@example.com", "plain", "text");
        assertThat(plain).hasNoHtml().hasNoAttachments().hasSubject("plain");
    }

    @Test
    void envelopeAssertionsOfASecureMessageChain() {
        Envelope envelope = Envelope.builder().heloName("client.test").mailFrom("shop@example.com")
                .addRecipient(Recipient.of("bob@example.com")).sessionId("s1")
                .tls(new TlsInfo("TLSv1.3", "TLS_AES_128_GCM_SHA256", false))
                .authentication(new Authentication("alice", AuthMechanism.PLAIN, "s3cret")).build();
        ReceivedMail secure = new ReceivedMail(envelope, "Subject: Hi\r\n\r\nHello\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(secure).wasSentOverTls().wasSentOverTls("TLSv1.3").hasAuthenticatedUser("alice").hasSubject("Hi");
    }

    @Test
    void attachmentAssertionsChain() {
        Attachment logo = new Attachment("logo.png", "image/png", "logo@example.com", true, new byte[] {1, 2, 3});
        Attachment terms = new Attachment("terms.txt", "text/plain", null, false,
                "Grüße".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(logo).hasFileName("logo.png").hasContentType("IMAGE/PNG").hasSize(3).hasContent(new byte[] {1, 2, 3})
                .isInline().hasContentId("logo@example.com").hasFileName("logo.png");
        assertThat(terms).hasTextContent("Grüße", StandardCharsets.ISO_8859_1).isNotInline()
                .hasTextContent(new String("Grüße".getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8))
                .hasContentId(null).hasContentType("text/plain");
    }

    @Test
    void attachmentFailuresShowWhatTheAttachmentIs() {
        Attachment logo = new Attachment("logo.png", "image/png", "logo@example.com", true, new byte[] {1, 2, 3});
        Attachment unnamed = new Attachment(null, "text/plain", null, false, "Hi".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> assertThat(logo).hasContentType("image/gif"))
                .hasMessage("Expecting the content type of inline logo.png image/png 3 bytes\n"
                        + "  to be: image/gif\n  but was: image/png");
        assertThatThrownBy(() -> assertThat(logo).hasFileName("logo.gif"))
                .hasMessage("Expecting the file name of inline logo.png image/png 3 bytes\n"
                        + "  to be: \"logo.gif\"\n  but was: \"logo.png\"");
        assertThatThrownBy(() -> assertThat(unnamed).hasFileName("notes.txt"))
                .hasMessage("Expecting the file name of attachment (no name) text/plain 2 bytes\n"
                        + "  to be: \"notes.txt\"\n  but was: (none)");
        assertThatThrownBy(() -> assertThat(logo).hasContentId("icon@example.com"))
                .hasMessage("Expecting the Content-ID of inline logo.png image/png 3 bytes\n"
                        + "  to be: <icon@example.com>\n  but was: <logo@example.com>");
        assertThatThrownBy(() -> assertThat(unnamed).hasContentId("icon@example.com"))
                .hasMessageEndingWith("  to be: <icon@example.com>\n  but was: (none)");
        assertThatThrownBy(() -> assertThat(logo).isNotInline())
                .hasMessage("Expecting inline logo.png image/png 3 bytes to be an attachment, but it is inline.");
        assertThatThrownBy(() -> assertThat(unnamed).isInline())
                .hasMessage("Expecting attachment (no name) text/plain 2 bytes to be inline, but it is an attachment.");
        assertThatThrownBy(() -> assertThat(unnamed).hasTextContent("Hello"))
                .hasMessage("Expecting the text content of attachment (no name) text/plain 2 bytes\n"
                        + "  to be: \"Hello\"\n  but was: \"Hi\"");
    }

    @Test
    void mailboxAssertionsChain() {
        Mailbox mailbox = Mails.mailbox(order, Mails.mail("news@example.com", "alice@example.com", "News", "Hello"));

        assertThat(mailbox)
                .hasSize(2)
                .isNotEmpty()
                .hasMessage(mail().subject("Your order"))
                .hasMessage(mail().htmlContaining("<b>42</b>").header("X-Order", "42").attachment("terms.txt"))
                .hasMessageTo("alice@example.com")
                .hasMessageWithSubject("News")
                .hasNoMessage(mail().to("carol@example.com"))
                .hasMessages(mail().to("bob@example.com"))
                .hasExactlyMessages(mail().to("bob@example.com"), mail().to("alice@example.com"))
                .allMessagesMatch(mail().satisfying("sent", sent -> true))
                .awaitMessages(2, Duration.ofSeconds(5))
                .hasSize(2);
        assertThat(Mails.mailbox()).isEmpty().hasSize(0);
    }

    @Test
    void mailboxFailuresSayWhatArrived() {
        Mailbox mailbox = Mails.mailbox(order);
        String who = "from <shop@example.com> to [bob@example.com], subject \"Your order\" (session s1)";

        assertThatThrownBy(() -> assertThat(Mails.mailbox()).hasSize(1))
                .hasMessage("Expecting the mailbox to have 1 message, but the mailbox is empty.");
        assertThatThrownBy(() -> assertThat(Mails.mailbox()).hasMessage(mail()))
                .hasMessage("Expecting the mailbox to have any message\nbut the mailbox is empty.");
        assertThatThrownBy(() -> assertThat(mailbox).hasMessage(mail().from("news@example.com")))
                .hasMessageEndingWith("  sender: expected <news@example.com>\n          but was  <shop@example.com>");
        assertThatThrownBy(() -> assertThat(mailbox).messageAt(-1))
                .hasMessage("Expecting a message at index -1, but the mailbox has 1 message:\n  1. " + who);
        assertThat(mailbox).messageAt(0).hasSubject("Your order");
        Condition<ReceivedMail> urgent = new Condition<>(
                mail -> mail.header("X-Priority").isPresent(), "urgent");
        assertThatThrownBy(() -> assertThat(mailbox).hasExactlyMessages(urgent))
                .hasMessage("Expecting message 1 to be a message matching <urgent>, but it is not; the mailbox has 1"
                        + " message:\n  1. " + who);
    }

    @Test
    void addressFailuresShowTheAddressesThatArrived() {
        String who = "the message from <shop@example.com> to [bob@example.com], subject \"Your order\" (session s1)";

        assertThatThrownBy(() -> assertThat(order).hasFrom("news@example.com"))
                .hasMessage("Expecting the From header of " + who + " to be [news@example.com] (in any order), but it"
                        + " is [shop@example.com]");
        assertThatThrownBy(() -> assertThat(order).hasEnvelopeRecipients("carol@example.com"))
                .hasMessageStartingWith("Expecting the envelope recipients of " + who);
    }

    @Test
    void bodiesCompareExactly() {
        ReceivedMail plain = Mails.mail("a@example.com", "b@example.com", "plain", "");
        String html = "<p>" + "x".repeat(113) + "</p>";
        ReceivedMail newsletter = Mails.raw("a@example.com", "b@example.com", Map.of(), "Subject: News\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\n\r\n" + html + "\r\n");

        assertThat(plain).hasText("").hasText("\r\n").hasNoHtml();
        assertThatThrownBy(() -> assertThat(plain).hasHtml(""))
                .hasMessageEndingWith("  to be: \"\"\n  but was: (none)");
        assertThatThrownBy(() -> assertThat(newsletter).hasNoHtml())
                .hasMessageEndingWith("to have no HTML body, but it has \"" + html + "\"");
    }

    @Test
    void failureCaseAssertionsChain() {
        assertThat(FailureCatalog.byId("rcpt-451-greylisted")).hasReaction(FailureCase.Reaction.RETRY).isTransient()
                .expectsRetry().isOfKind(FailureKind.TRANSIENT).hitsStage(FailureStage.RCPT).isTransient();
        assertThat(FailureCatalog.byId("rcpt-550-user-unknown")).isPermanent().hitsStage(FailureStage.RCPT);
    }
}
