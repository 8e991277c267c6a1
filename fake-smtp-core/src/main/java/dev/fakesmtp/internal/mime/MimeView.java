package dev.fakesmtp.internal.mime;

import dev.fakesmtp.Attachment;
import dev.fakesmtp.FakeSmtpException;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parsed MIME view of a captured message. All decoding (RFC 2047, base64,
 * quoted-printable, charsets) is Jakarta Mail's; this class only walks the part tree once and
 * keeps what it found. Immutable: its own parsed message never leaves it (headers are only read
 * from it, which is safe from any thread), and users get copies from {@link #copy(byte[])}.
 */
public final class MimeView {

    private final MimeMessage message;
    private final String text;
    private final String html;
    private final List<Attachment> attachments;
    private final List<Attachment> inlineParts;

    private MimeView(MimeMessage message, PartCollector parts) {
        this.message = message;
        this.text = parts.text;
        this.html = parts.html;
        this.attachments = List.copyOf(parts.attachments);
        this.inlineParts = List.copyOf(parts.inlineParts);
    }

    /** Parses the raw bytes; the message shares them rather than copying. */
    public static MimeView parse(byte[] raw) {
        try {
            MimeMessage message = newMessage(raw);
            PartCollector parts = new PartCollector();
            parts.collect(message, 0);
            return new MimeView(message, parts);
        } catch (MessagingException | IOException e) {
            throw new FakeSmtpException("The captured message cannot be parsed as MIME: " + e.getMessage(), e);
        }
    }

    /**
     * A Jakarta Mail message of its own for the caller to read or change: its headers are parsed
     * anew, its body shares the raw bytes (which nothing can write through a MimeMessage).
     */
    public static MimeMessage copy(byte[] raw) {
        try {
            return newMessage(raw);
        } catch (MessagingException e) {
            throw new FakeSmtpException("The captured message cannot be parsed as MIME: " + e.getMessage(), e);
        }
    }

    private static MimeMessage newMessage(byte[] raw) throws MessagingException {
        return new MimeMessage(ParsingSession.get(), new SharedByteArrayInputStream(raw));
    }

    /** The decoded subject, or null. */
    public String subject() {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new FakeSmtpException("Cannot read the Subject header: " + e.getMessage(), e);
        }
    }

    /** The addresses of an address header, as {@code local@domain} strings. */
    public List<String> addresses(String header) {
        try {
            String value = message.getHeader(header, ",");
            if (value == null) {
                return List.of();
            }
            List<String> result = new ArrayList<>();
            for (Address address : InternetAddress.parseHeader(value, false)) {
                result.add(((InternetAddress) address).getAddress());
            }
            return List.copyOf(result);
        } catch (AddressException e) {
            throw new FakeSmtpException("The " + header + " header is not a valid address list: " + e.getMessage(), e);
        } catch (MessagingException e) {
            throw new FakeSmtpException("Cannot read the " + header + " header: " + e.getMessage(), e);
        }
    }

    /** Every value of a header, unfolded and decoded per RFC 2047. */
    public List<String> headers(String name) {
        try {
            String[] values = message.getHeader(name);
            if (values == null) {
                return List.of();
            }
            List<String> decoded = new ArrayList<>(values.length);
            for (String value : values) {
                decoded.add(MimeUtility.decodeText(MimeUtility.unfold(value)));
            }
            return List.copyOf(decoded);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new FakeSmtpException("Cannot read the " + name + " header: " + e.getMessage(), e);
        }
    }

    /** The text body or null. */
    public String text() {
        return text;
    }

    /** The HTML body or null. */
    public String html() {
        return html;
    }

    /** The attachments. */
    public List<Attachment> attachments() {
        return attachments;
    }

    /** The inline parts that are not bodies. */
    public List<Attachment> inlineParts() {
        return inlineParts;
    }

    /** Walks a part tree depth-first, sorting leaves into bodies, attachments and inline parts. */
    private static final class PartCollector {
        private static final int MAX_DEPTH = 50;
        private String text;
        private String html;
        private final List<Attachment> attachments = new ArrayList<>();
        private final List<Attachment> inlineParts = new ArrayList<>();

        void collect(Part part, int depth) throws MessagingException, IOException {
            if (depth > MAX_DEPTH) {
                return; // a hostile nesting depth: stop rather than overflow the stack
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i), depth + 1);
                }
                return;
            }
            if (part.isMimeType("message/rfc822") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                collect((Part) part.getContent(), depth + 1);
                return;
            }
            String disposition = part.getDisposition();
            String fileName = fileName(part);
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition)
                    || (fileName != null && !Part.INLINE.equalsIgnoreCase(disposition));
            if (!attachment && text == null && part.isMimeType("text/plain")) {
                text = textContent(part);
            } else if (!attachment && html == null && part.isMimeType("text/html")) {
                html = textContent(part);
            } else if (attachment) {
                attachments.add(toAttachment(part, fileName, false));
            } else {
                inlineParts.add(toAttachment(part, fileName, true));
            }
        }

        private static String textContent(Part part) throws MessagingException, IOException {
            Object content = part.getContent();
            if (content instanceof String string) {
                return string;
            }
            try (InputStream in = part.getInputStream()) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }

        private static String fileName(Part part) throws MessagingException {
            String name = part.getFileName();
            if (name == null) {
                return null;
            }
            try {
                return MimeUtility.decodeText(name);
            } catch (UnsupportedEncodingException e) {
                return name;
            }
        }

        private static Attachment toAttachment(Part part, String fileName, boolean inline)
                throws MessagingException, IOException {
            byte[] bytes;
            try (InputStream in = part.getInputStream()) {
                bytes = in.readAllBytes();
            }
            String contentId = part instanceof MimePart mimePart ? mimePart.getContentID() : null;
            if (contentId != null && contentId.startsWith("<") && contentId.endsWith(">")) {
                contentId = contentId.substring(1, contentId.length() - 1);
            }
            return new Attachment(fileName, baseType(part), contentId, inline, bytes);
        }

        private static String baseType(Part part) throws MessagingException {
            try {
                return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
            } catch (MessagingException | RuntimeException e) {
                return "application/octet-stream"; // RFC 2045 §5.2 default for a malformed type
            }
        }
    }
}
