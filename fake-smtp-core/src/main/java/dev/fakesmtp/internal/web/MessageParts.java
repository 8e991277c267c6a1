package dev.fakesmtp.internal.web;

import dev.fakesmtp.Attachment;
import dev.fakesmtp.ReceivedMail;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

/**
 * What the pages show of a message, read so that a message Jakarta Mail cannot parse still
 * shows its envelope and raw source instead of failing the whole page.
 */
public final class MessageParts {

    private MessageParts() {
    }

    /**
     * The id the viewer and the report use for a message: its session and transaction, unique
     * for the server's life (session ids are never reused, not even after a reset).
     *
     * @param mail the message
     * @return e.g. {@code s3-1}
     */
    public static String id(ReceivedMail mail) {
        return mail.envelope().sessionId() + "-" + mail.envelope().transactionIndex();
    }

    /**
     * The attachments, then the inline parts: the order {@link Links#attachment} indexes count in.
     *
     * @param mail the message
     * @return the parts, empty when the message cannot be parsed
     */
    public static List<Attachment> all(ReceivedMail mail) {
        try {
            List<Attachment> all = new ArrayList<>(mail.attachments());
            all.addAll(mail.inlineParts());
            return all;
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /**
     * The subject, or a stand-in when there is none or the message cannot be parsed.
     *
     * @param mail the message
     * @return the decoded subject or {@code "(no subject)"}
     */
    public static String subject(ReceivedMail mail) {
        try {
            String subject = mail.subject();
            return subject == null ? "(no subject)" : subject;
        } catch (RuntimeException e) {
            return "(unparseable message)";
        }
    }

    /**
     * Why the message cannot be parsed as MIME.
     *
     * @param mail the message
     * @return the parser's complaint, or null when it parses
     */
    public static String parseError(ReceivedMail mail) {
        try {
            mail.mimeMessage();
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    /**
     * A header-derived value that must not fail a page.
     *
     * @param mail the message
     * @param name the header
     * @return its addresses joined with commas, or {@code ""}
     */
    public static String addresses(ReceivedMail mail, String name) {
        try {
            return String.join(", ", switch (name) {
                case "From" -> mail.from();
                case "To" -> mail.to();
                case "Cc" -> mail.cc();
                default -> mail.headers(name);
            });
        } catch (RuntimeException e) {
            return "";
        }
    }

    /**
     * The text body, or null.
     *
     * @param mail the message
     * @return the decoded text body, or null when there is none or the message cannot be parsed
     */
    public static String text(ReceivedMail mail) {
        try {
            return mail.text();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The HTML body, or null.
     *
     * @param mail the message
     * @return the decoded HTML body, or null when there is none or the message cannot be parsed
     */
    public static String html(ReceivedMail mail) {
        try {
            return mail.html();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Every header in message order, values unfolded and decoded per RFC 2047 where possible.
     *
     * @param mail the message
     * @return name and value pairs, empty when the message cannot be parsed
     */
    public static List<Map.Entry<String, String>> headers(ReceivedMail mail) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        try {
            Enumeration<Header> all = mail.mimeMessage().getAllHeaders();
            while (all.hasMoreElements()) {
                Header header = all.nextElement();
                headers.add(Map.entry(header.getName(), decode(header.getValue())));
            }
        } catch (MessagingException | RuntimeException e) {
            return List.of();
        }
        return headers;
    }

    private static String decode(String value) {
        String unfolded = MimeUtility.unfold(value == null ? "" : value);
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return unfolded;
        }
    }
}
