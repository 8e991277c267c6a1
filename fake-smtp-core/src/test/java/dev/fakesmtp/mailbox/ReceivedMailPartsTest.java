package dev.fakesmtp.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.Attachment;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.support.AngusMail;
import dev.fakesmtp.support.SmtpDialogue;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How a captured message's parts are sorted into text body, HTML body, attachments and inline
 * parts, for the shapes real mail takes that Jakarta Mail's own builders do not produce: named
 * parts without a disposition, second bodies, forwarded messages, and hostile nesting.
 */
@Timeout(30)
class ReceivedMailPartsTest {

    @Test
    void aNamedPartIsAnAttachmentUnlessItIsMarkedInline() {
        ReceivedMail mail = deliver("""
                Subject: Named parts\r
                Content-Type: multipart/mixed; boundary="b"\r
                \r
                --b\r
                Content-Type: text/plain; name="notes.txt"\r
                \r
                A named text part is a file, not the body.\r
                --b\r
                Content-Type: text/plain\r
                \r
                The body.\r
                --b\r
                Content-Type: image/png; name="logo.png"\r
                Content-Disposition: INLINE\r
                Content-ID: <logo@example.com>\r
                \r
                png\r
                --b\r
                Content-Type: application/pdf\r
                Content-Disposition: ATTACHMENT\r
                \r
                pdf\r
                --b--\r
                """);

        assertThat(mail.text()).isEqualTo("The body.");
        assertThat(mail.attachments()).extracting(part -> part.fileName().orElse("(none)"), Attachment::contentType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("notes.txt", "text/plain"),
                        org.assertj.core.groups.Tuple.tuple("(none)", "application/pdf"));
        assertThat(mail.inlineParts()).singleElement().satisfies(part -> {
            assertThat(part.fileName()).contains("logo.png");
            assertThat(part.contentId()).contains("logo@example.com");
            assertThat(part.isInline()).isTrue();
        });
    }

    @Test
    void theFirstTextAndHtmlAreTheBodiesAndLaterOnesInlineParts() {
        ReceivedMail mail = deliver("""
                Subject: Two of each\r
                Content-Type: multipart/mixed; boundary="b"\r
                \r
                --b\r
                Content-Type: text/plain\r
                \r
                First text.\r
                --b\r
                Content-Type: text/html\r
                \r
                <p>First html.</p>\r
                --b\r
                Content-Type: text/plain\r
                \r
                Second text.\r
                --b\r
                Content-Type: text/html\r
                \r
                <p>Second html.</p>\r
                --b--\r
                """);

        assertThat(mail.text()).isEqualTo("First text.");
        assertThat(mail.html()).isEqualTo("<p>First html.</p>");
        assertThat(mail.attachments()).isEmpty();
        assertThat(mail.inlineParts()).extracting(part -> new String(part.content(), StandardCharsets.UTF_8))
                .containsExactly("Second text.", "<p>Second html.</p>");
    }

    @Test
    void aForwardedMessageShowsItsBodyAndPartsUnlessItIsItselfAnAttachment() {
        ReceivedMail inlineForward = deliver("""
                Subject: Fwd: inline\r
                Content-Type: message/rfc822\r
                \r
                Subject: The original\r
                Content-Type: multipart/mixed; boundary="o"\r
                \r
                --o\r
                Content-Type: text/plain\r
                \r
                The original text.\r
                --o\r
                Content-Type: application/pdf; name="original.pdf"\r
                \r
                pdf\r
                --o--\r
                """);
        ReceivedMail attachedForward = deliver("""
                Subject: Fwd: attached\r
                Content-Type: multipart/mixed; boundary="b"\r
                \r
                --b\r
                Content-Type: text/plain\r
                \r
                See the attached mail.\r
                --b\r
                Content-Type: message/rfc822\r
                Content-Disposition: attachment; filename="original.eml"\r
                \r
                Subject: The original\r
                \r
                The original text.\r
                --b--\r
                """);

        assertThat(inlineForward.text()).isEqualTo("The original text.");
        assertThat(inlineForward.attachments()).singleElement()
                .satisfies(part -> assertThat(part.fileName()).contains("original.pdf"));
        assertThat(attachedForward.text()).isEqualTo("See the attached mail.");
        assertThat(attachedForward.attachments()).singleElement().satisfies(part -> {
            assertThat(part.fileName()).contains("original.eml");
            assertThat(part.contentType()).isEqualTo("message/rfc822");
        });
    }

    @Test
    void partsNestedUpToFiftyLevelsAreReadAndDeeperOnesIgnored() {
        assertThat(deliver(nested(50)).text()).isEqualTo("Depth 50.");
        ReceivedMail tooDeep = deliver(nested(51));
        assertThat(tooDeep.text()).isNull();
        assertThat(tooDeep.attachments()).isEmpty();
        assertThat(tooDeep.inlineParts()).isEmpty();
    }

    @Test
    void aLatin1BodyIsDecodedAndOddNamesAndTypesAreKeptOrDefaulted() {
        ReceivedMail mail = deliver("Subject: Latin-1\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "caf\u00e9\r\n"
                + "--b\r\nContent-Type: nonsense\r\n"
                + "Content-Disposition: attachment; filename=\"=?x-no-such-charset?Q?report?=.pdf\"\r\n\r\n"
                + "data\r\n--b--\r\n", StandardCharsets.ISO_8859_1);

        assertThat(mail.text()).isEqualTo("caf\u00e9");
        assertThat(mail.attachments()).singleElement().satisfies(part -> {
            // RFC 2045 §5.2: a malformed type is read as application/octet-stream; a name in an
            // unknown charset is shown as it was written.
            assertThat(part.contentType()).isEqualTo("application/octet-stream");
            assertThat(part.fileName()).contains("=?x-no-such-charset?Q?report?=.pdf");
        });
    }

    /** A message whose text part sits inside {@code depth} nested multiparts. */
    private static String nested(int depth) {
        StringBuilder open = new StringBuilder("Subject: Nested " + depth + "\r\n");
        StringBuilder close = new StringBuilder();
        for (int level = 0; level < depth; level++) {
            open.append("Content-Type: multipart/mixed; boundary=\"n").append(level).append("\"\r\n\r\n--n")
                    .append(level).append("\r\n");
            close.insert(0, "\r\n--n" + level + "--\r\n");
        }
        return open + "Content-Type: text/plain\r\n\r\nDepth " + depth + "." + close;
    }

    /** Delivers {@code message} over SMTP to a server of its own and returns it as captured. */
    private static ReceivedMail deliver(String message) {
        return deliver(message, StandardCharsets.UTF_8);
    }

    /** Delivers {@code message}, encoded in {@code charset}, and returns it as captured. */
    private static ReceivedMail deliver(String message, java.nio.charset.Charset charset) {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().build().start();
             SmtpDialogue dialogue = SmtpDialogue.afterEhlo(smtp)) {
            dialogue.send("MAIL FROM:<alice@example.com> BODY=8BITMIME").expect("250");
            dialogue.send("RCPT TO:<bob@example.com>").expect("250");
            dialogue.send("DATA").expect("354");
            dialogue.sendRaw((message + (message.endsWith("\r\n") ? "" : "\r\n") + ".\r\n").getBytes(charset))
                    .expect("250");
            return smtp.mailbox().awaitMessages(1, AngusMail.WAIT).get(0);
        }
    }
}
