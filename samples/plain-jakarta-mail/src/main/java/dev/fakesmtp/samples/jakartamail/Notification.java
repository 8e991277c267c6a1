package dev.fakesmtp.samples.jakartamail;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One mail to send: recipients, subject, a text body, optionally an HTML body and attachments.
 * Immutable; the {@code with...} methods return a copy.
 *
 * <pre>{@code
 * Notification.of("Your invoice", "Invoice 42 is attached.", "bob@example.com")
 *         .withHtml("<p>Invoice <b>42</b> is attached.</p>")
 *         .withAttachment(FileAttachment.of("invoice-42.pdf", "application/pdf", pdfBytes));
 * }</pre>
 *
 * @param to          the recipients, at least one
 * @param subject     the subject (any Unicode)
 * @param text        the plain-text body
 * @param html        the HTML body, or {@code null} for a text-only mail
 * @param attachments the attached files, possibly none
 */
public record Notification(List<String> to, String subject, String text, String html,
                           List<FileAttachment> attachments) {

    /** Checks the parts and copies the lists. */
    public Notification {
        to = List.copyOf(to);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("A notification needs at least one recipient");
        }
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        attachments = List.copyOf(attachments);
    }

    /** A text-only notification to one or more recipients. */
    public static Notification of(String subject, String text, String... to) {
        return new Notification(List.of(to), subject, text, null, List.of());
    }

    /** A copy with an HTML body; mail clients show it instead of the text. */
    public Notification withHtml(String html) {
        return new Notification(to, subject, text, Objects.requireNonNull(html, "html"), attachments);
    }

    /** A copy with one more attachment. */
    public Notification withAttachment(FileAttachment attachment) {
        List<FileAttachment> more = new ArrayList<>(attachments);
        more.add(Objects.requireNonNull(attachment, "attachment"));
        return new Notification(to, subject, text, html, more);
    }
}
