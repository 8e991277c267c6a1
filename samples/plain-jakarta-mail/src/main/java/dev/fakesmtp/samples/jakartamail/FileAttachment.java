package dev.fakesmtp.samples.jakartamail;

import java.util.Objects;

/**
 * A file attached to a {@link Notification}.
 *
 * @param fileName    the name the recipient sees
 * @param contentType the MIME type, such as {@code application/pdf}
 * @param content     the bytes (not copied: do not change them afterwards)
 */
public record FileAttachment(String fileName, String contentType, byte[] content) {

    /** Checks that nothing is missing. */
    public FileAttachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }

    /** An attachment; same as the constructor, reads better at call sites. */
    public static FileAttachment of(String fileName, String contentType, byte[] content) {
        return new FileAttachment(fileName, contentType, content);
    }
}
