package dev.fakesmtp;

import java.nio.charset.Charset;
import java.util.Objects;
import java.util.Optional;

/**
 * A MIME part of a received message that is not its text or HTML body: a file attachment or an
 * inline part such as an image referenced by {@code cid:}. Immutable.
 */
public final class Attachment {

    private final String fileName;
    private final String contentType;
    private final String contentId;
    private final boolean inline;
    private final byte[] content;

    /**
     * A part with its decoded content; {@code fileName} and {@code contentId} may be null.
     *
     * @param fileName the file name
     * @param contentType the MIME content type
     * @param contentId the Content-ID, if any
     * @param inline whether the part is inline rather than attached
     * @param content the decoded bytes
     */
    public Attachment(String fileName, String contentType, String contentId, boolean inline, byte[] content) {
        this.fileName = fileName;
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.contentId = contentId;
        this.inline = inline;
        this.content = content.clone();
    }

    /** {@return the file name from Content-Disposition or Content-Type, decoded; empty when there is none} */
    public Optional<String> fileName() {
        return Optional.ofNullable(fileName);
    }

    /** {@return the base MIME type in lower case, e.g. {@code "application/pdf"}} */
    public String contentType() {
        return contentType;
    }

    /** {@return the Content-ID without angle brackets, empty when there is none} */
    public Optional<String> contentId() {
        return Optional.ofNullable(contentId);
    }

    /** {@return true for a part with {@code Content-Disposition: inline} (e.g. an embedded image)} */
    public boolean isInline() {
        return inline;
    }

    /** {@return the decoded bytes (base64 and quoted-printable undone), a copy} */
    public byte[] content() {
        return content.clone();
    }

    /**
     * The decoded content as text in the given charset.
     *
     * @param charset the character set
     * @return the decoded content as text in the given charset
     */
    public String contentAsString(Charset charset) {
        return new String(content, charset);
    }

    /** {@return the decoded size in bytes} */
    public int size() {
        return content.length;
    }

    @Override
    public String toString() {
        return (inline ? "inline " : "attachment ") + (fileName == null ? "(no name)" : fileName)
                + " " + contentType + " " + content.length + " bytes";
    }
}
