package dev.fakesmtp.assertj;

import dev.fakesmtp.Attachment;
import dev.fakesmtp.ReceivedMail;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Assertions on one {@link ReceivedMail}: envelope, TLS and AUTH (inherited), headers, bodies,
 * attachments and encoding.
 * Bodies are compared with line endings as {@code \n} and without trailing line breaks, since
 * mail ends lines in CRLF. Failures name the message (sender, recipients, subject, session).
 *
 * <pre>{@code
 * assertThat(mail).hasEnvelopeRecipients("bob@example.com")
 *         .hasSubject("Your order")
 *         .hasTextContaining("Order 42")
 *         .hasAttachments("invoice.pdf");
 * }</pre>
 */
public class ReceivedMailAssert extends EnvelopeAssertions<ReceivedMailAssert> {

    /**
     * Assertions on this message; usually through {@link FakeSmtpAssertions#assertThat(ReceivedMail)}.
     *
     * @param actual the message under test
     */
    public ReceivedMailAssert(ReceivedMail actual) {
        super(actual, ReceivedMailAssert.class);
    }

    /**
     * The From header has exactly these addresses (in any order, ignoring case).
     *
     * @param addresses the expected From addresses, in order
     * @return this assertion object, for chaining
     */
    public ReceivedMailAssert hasFrom(String... addresses) {
        isNotNull();
        return sameAddresses("From header", actual.from(), addresses);
    }

    /**
     * The To header has exactly these addresses (in any order, ignoring case).
     *
     * @param addresses the expected To addresses, in order
     * @return this assertion object, for chaining
     */
    public ReceivedMailAssert hasTo(String... addresses) {
        isNotNull();
        return sameAddresses("To header", actual.to(), addresses);
    }

    /**
     * The Cc header has exactly these addresses (in any order, ignoring case).
     *
     * @param addresses the expected Cc addresses, in order
     * @return this assertion object, for chaining
     */
    public ReceivedMailAssert hasCc(String... addresses) {
        isNotNull();
        return sameAddresses("Cc header", actual.cc(), addresses);
    }

    /**
     * The Reply-To header has exactly these addresses (in any order, ignoring case).
     *
     * @param addresses the expected Reply-To addresses, in order
     * @return this assertion object, for chaining
     */
    public ReceivedMailAssert hasReplyTo(String... addresses) {
        isNotNull();
        return sameAddresses("Reply-To header", actual.replyTo(), addresses);
    }

    /**
     * The decoded subject is exactly this.
     *
     * @param subject the expected subject
     * @return this assertion object, for chaining
     */
    public ReceivedMailAssert hasSubject(String subject) {
        isNotNull();
        if (!Objects.equals(actual.subject(), subject)) {
            mismatch("subject", Summaries.quote(subject), Summaries.quote(actual.subject()));
        }
        return myself;
    }

    /**
     * The decoded subject contains this text.
     *
     * @param text what the subject contains
     * @return this assertion object, for chaining
     */
    public ReceivedMailAssert hasSubjectContaining(String text) {
        isNotNull();
        if (actual.subject() == null || !actual.subject().contains(text)) {
            fail("Expecting the subject of the message " + summary() + " to contain " + Summaries.quote(text)
                    + ", but it is " + Summaries.quote(actual.subject()));
        }
        return myself;
    }

    /**
     * The message has a header with this name (case-insensitive).
     *
     * @param name the header name
     * @return this assertion object, for chaining
     */
    public ReceivedMailAssert hasHeader(String name) {
        isNotNull();
        if (actual.headers(name).isEmpty()) {
            fail("Expecting the message " + summary() + " to have a header named " + name + ", but it has none.");
        }
        return myself;
    }

    /**
     * A header with this name has exactly this decoded value (one of its values, if repeated).
     *
     * @param name the header name
     * @param value the expected decoded value
     * @return this assertion object, for chaining
     */
    public ReceivedMailAssert hasHeader(String name, String value) {
        isNotNull();
        List<String> values = actual.headers(name);
        if (!values.contains(value)) {
            fail("Expecting the " + name + " header of the message " + summary() + " to be " + Summaries.quote(value)
                    + ", but " + (values.isEmpty() ? "there is none." : "it is " + quoted(values)));
        }
        return myself;
    }

    /**
     * The message has no header with this name.
     *
     * @param name the header name
     * @return this assertion object, for chaining
     */
    public ReceivedMailAssert doesNotHaveHeader(String name) {
        isNotNull();
        List<String> values = actual.headers(name);
        if (!values.isEmpty()) {
            fail("Expecting the message " + summary() + " to have no " + name + " header, but it is " + quoted(values));
        }
        return myself;
    }

    /**
     * The text body equals this (line endings as {@code \n}, trailing line breaks ignored).
     *
     * @param expected the expected text body
     * @return this assertion object, for chaining
     */
    public ReceivedMailAssert hasText(String expected) {
        isNotNull();
        return sameBody("text body", actual.text(), expected);
    }

    /**
     * The text body contains each of these parts.
     *
     * @param parts what the text body contains
     * @return this assertion object, for chaining
     */
    public ReceivedMailAssert hasTextContaining(String... parts) {
        isNotNull();
        return bodyContains("text body", actual.text(), parts);
    }

    /**
     * The whole text body matches this regular expression (after normalizing line endings).
     *
     * @param regex a regular expression the whole text body matches
     * @return this assertion object, for chaining
     */
    public ReceivedMailAssert hasTextMatching(String regex) {
        isNotNull();
        return bodyMatches("text body", actual.text(), regex);
    }

    /**
     * The HTML body equals this (line endings as {@code \n}, trailing line breaks ignored).
     *
     * @param expected the expected HTML body
     * @return this assertion object, for chaining
     */
    public ReceivedMailAssert hasHtml(String expected) {
        isNotNull();
        return sameBody("HTML body", actual.html(), expected);
    }

    /**
     * The HTML body contains each of these parts.
     *
     * @param parts what the HTML body contains
     * @return this assertion object, for chaining
     */
    public ReceivedMailAssert hasHtmlContaining(String... parts) {
        isNotNull();
        return bodyContains("HTML body", actual.html(), parts);
    }

    /**
     * The whole HTML body matches this regular expression (after normalizing line endings).
     *
     * @param regex a regular expression the whole HTML body matches
     * @return this assertion object, for chaining
     */
    public ReceivedMailAssert hasHtmlMatching(String regex) {
        isNotNull();
        return bodyMatches("HTML body", actual.html(), regex);
    }

    /**
     * The message has no HTML body.
     *
     * @return this assertion object, for chaining
     */
    public ReceivedMailAssert hasNoHtml() {
        isNotNull();
        if (actual.html() != null) {
            fail("Expecting the message " + summary() + " to have no HTML body, but it has " + Texts.preview(actual.html()));
        }
        return myself;
    }

    /**
     * The attachments have exactly these file names, in any order.
     *
     * @param fileNames the expected attachment file names
     * @return this assertion object, for chaining
     */
    public ReceivedMailAssert hasAttachments(String... fileNames) {
        isNotNull();
        List<String> names = Texts.fileNames(actual);
        if (!sorted(names).equals(sorted(Arrays.asList(fileNames)))) {
            failWithActualExpectedAndMessage(names, Arrays.asList(fileNames), "%s", "Expecting the attachments of the"
                    + " message " + summary() + " to be " + Arrays.asList(fileNames) + ", but they are "
                    + actual.attachments());
        }
        return myself;
    }

    /**
     * The message has no attachments.
     *
     * @return this assertion object, for chaining
     */
    public ReceivedMailAssert hasNoAttachments() {
        isNotNull();
        if (!actual.attachments().isEmpty()) {
            fail("Expecting the message " + summary() + " to have no attachments, but it has " + actual.attachments());
        }
        return myself;
    }

    /**
     * The attachment with this file name, for further assertions.
     *
     * @param fileName the attachment's file name
     * @return the attachment with this file name, for further assertions
     */
    public AttachmentAssert attachment(String fileName) {
        return navigate(() -> {
            isNotNull();
            ReceivedMail mail = actual;
            List<Attachment> named = mail.attachments().stream()
                    .filter(attachment -> fileName.equals(attachment.fileName().orElse(null)))
                    .collect(Collectors.toList());
            if (named.size() != 1) {
                fail("Expecting the message " + summary() + " to have one attachment named " + Summaries.quote(fileName)
                        + ", but it has " + (named.isEmpty() ? "" : named.size() + ": ") + mail.attachments());
            }
            return named.get(0);
        }, AttachmentAssert.class, Attachment.class, AttachmentAssert::new);
    }

    /**
     * The message declares what it uses: 8-bit bytes only with {@code BODY=8BITMIME} (or
     * BINARYMIME), raw UTF-8 headers only with {@code SMTPUTF8}, text parts with 8-bit content
     * only with a charset and an 8bit transfer encoding, and bytes valid in their declared charset.
     *
     * @return this assertion object, for chaining
     */
    public ReceivedMailAssert isEncodedCorrectly() {
        isNotNull();
        List<String> problems = EncodingCheck.problems(actual);
        if (!problems.isEmpty()) {
            fail("Expecting the message " + summary() + " to be encoded correctly, but:\n  - "
                    + String.join("\n  - ", problems));
        }
        return myself;
    }

    private ReceivedMailAssert sameBody(String what, String body, String expected) {
        String normalized = Texts.normalize(body);
        if (!Objects.equals(normalized, Texts.normalize(expected))) {
            mismatch(what, Summaries.quote(Texts.normalize(expected)), body == null ? "(none)" : Summaries.quote(normalized));
        }
        return myself;
    }

    private ReceivedMailAssert bodyContains(String what, String body, String... parts) {
        List<String> missing = Arrays.stream(parts).filter(part -> !Texts.contains(body, part)).collect(Collectors.toList());
        if (!missing.isEmpty()) {
            fail("Expecting the " + what + " of the message " + summary() + " to contain " + quoted(missing)
                    + ", but it is" + (body == null ? " missing." : ":\n  " + Summaries.quote(Texts.normalize(body))));
        }
        return myself;
    }

    private ReceivedMailAssert bodyMatches(String what, String body, String regex) {
        if (body == null || !Pattern.compile(regex, Pattern.DOTALL).matcher(Texts.normalize(body)).matches()) {
            fail("Expecting the " + what + " of the message " + summary() + " to match /" + regex + "/, but it is"
                    + (body == null ? " missing." : ":\n  " + Summaries.quote(Texts.normalize(body))));
        }
        return myself;
    }

    private static String quoted(List<String> values) {
        return values.stream().map(Summaries::quote).collect(Collectors.joining(", "));
    }
}
