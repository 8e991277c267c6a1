package dev.fakesmtp.assertj;

import dev.fakesmtp.Attachment;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Assertions on one {@link Attachment} (or inline part): name, type, size and decoded content.
 *
 * <pre>{@code
 * assertThat(mail).attachment("invoice.pdf").hasContentType("application/pdf").hasSize(1024);
 * }</pre>
 */
public class AttachmentAssert extends NavigatingAssert<AttachmentAssert, Attachment> {

    /**
     * Assertions on this attachment; usually through {@link ReceivedMailAssert#attachment(String)}.
     *
     * @param actual the attachment under test
     */
    public AttachmentAssert(Attachment actual) {
        super(actual, AttachmentAssert.class);
    }

    /**
     * The decoded file name is exactly this.
     *
     * @param fileName the expected file name
     * @return this assertion object, for chaining
     */
    public AttachmentAssert hasFileName(String fileName) {
        isNotNull();
        if (!Objects.equals(actual.fileName().orElse(null), fileName)) {
            mismatch("file name", Summaries.quote(fileName), actual.fileName().map(Summaries::quote).orElse("(none)"));
        }
        return myself;
    }

    /**
     * The base MIME type is this, ignoring case, e.g. {@code "application/pdf"}.
     *
     * @param contentType the expected base MIME type
     * @return this assertion object, for chaining
     */
    public AttachmentAssert hasContentType(String contentType) {
        isNotNull();
        if (!actual.contentType().equalsIgnoreCase(contentType)) {
            mismatch("content type", contentType, actual.contentType());
        }
        return myself;
    }

    /**
     * The decoded content has this many bytes.
     *
     * @param bytes the expected decoded size
     * @return this assertion object, for chaining
     */
    public AttachmentAssert hasSize(int bytes) {
        isNotNull();
        if (actual.size() != bytes) {
            mismatch("size", bytes + " bytes", actual.size() + " bytes");
        }
        return myself;
    }

    /**
     * The decoded content is exactly these bytes.
     *
     * @param expected the expected decoded bytes
     * @return this assertion object, for chaining
     */
    public AttachmentAssert hasContent(byte[] expected) {
        isNotNull();
        byte[] content = actual.content();
        if (!Arrays.equals(content, expected)) {
            int at = Arrays.mismatch(content, expected);
            failWithMessage("%s", "Expecting the content of " + actual + " to be the expected " + expected.length
                    + " bytes, but it differs from byte " + at + " on (it has " + content.length + " bytes).");
        }
        return myself;
    }

    /**
     * The decoded content, read as UTF-8, is exactly this text.
     *
     * @param expected the expected text
     * @return this assertion object, for chaining
     */
    public AttachmentAssert hasTextContent(String expected) {
        return hasTextContent(expected, StandardCharsets.UTF_8);
    }

    /**
     * The decoded content, read in this charset, is exactly this text.
     *
     * @param expected the expected text
     * @param charset decodes the content
     * @return this assertion object, for chaining
     */
    public AttachmentAssert hasTextContent(String expected, Charset charset) {
        isNotNull();
        String text = actual.contentAsString(charset);
        if (!text.equals(expected)) {
            mismatch("text content", Summaries.quote(expected), Summaries.quote(text));
        }
        return myself;
    }

    /**
     * The part is inline ({@code Content-Disposition: inline}), e.g. an embedded image.
     *
     * @return this assertion object, for chaining
     */
    public AttachmentAssert isInline() {
        isNotNull();
        if (!actual.isInline()) {
            failWithMessage("%s", "Expecting " + actual + " to be inline, but it is an attachment.");
        }
        return myself;
    }

    /**
     * The part is an attachment, not inline.
     *
     * @return this assertion object, for chaining
     */
    public AttachmentAssert isNotInline() {
        isNotNull();
        if (actual.isInline()) {
            failWithMessage("%s", "Expecting " + actual + " to be an attachment, but it is inline.");
        }
        return myself;
    }

    /**
     * The Content-ID (without angle brackets) is this.
     *
     * @param contentId the expected Content-ID, without angle brackets
     * @return this assertion object, for chaining
     */
    public AttachmentAssert hasContentId(String contentId) {
        isNotNull();
        if (!Objects.equals(actual.contentId().orElse(null), contentId)) {
            mismatch("Content-ID", "<" + contentId + ">", actual.contentId().map(id -> "<" + id + ">").orElse("(none)"));
        }
        return myself;
    }

    private void mismatch(String what, String expected, String actualValue) {
        failWithActualExpectedAndMessage(actualValue, expected, "%s", "Expecting the " + what + " of " + actual
                + "\n  to be: " + expected + "\n  but was: " + actualValue);
    }
}
