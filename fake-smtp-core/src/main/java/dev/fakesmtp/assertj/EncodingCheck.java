package dev.fakesmtp.assertj;

import dev.fakesmtp.Envelope;
import dev.fakesmtp.ReceivedMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds encoding mistakes a lenient test server lets through but a real MTA or mail client
 * punishes: undeclared 8-bit data, raw UTF-8 headers without SMTPUTF8, text without a charset,
 * and bytes that are not valid in the charset they claim.
 */
final class EncodingCheck {

    private EncodingCheck() {
    }

    /** What is wrong with the message's encoding; empty when nothing is. */
    static List<String> problems(ReceivedMail mail) {
        List<String> problems = new ArrayList<>();
        byte[] raw = mail.raw();
        int headerEnd = headerEnd(raw);
        Envelope envelope = mail.envelope();
        // RFC 6532 / RFC 6531 §3.4: SMTPUTF8 is what allows UTF-8 header fields.
        if (hasEightBit(raw, 0, headerEnd) && envelope.mailParameter("SMTPUTF8").isEmpty()) {
            problems.add("the header section has 8-bit bytes, but MAIL FROM had no SMTPUTF8 parameter"
                    + " (encode header text per RFC 2047, or send SMTPUTF8)");
        }
        // RFC 6152 (and RFC 6531 §3.6: SMTPUTF8 does not cover the body): 8-bit body needs BODY=8BITMIME.
        String body = envelope.mailParameter("BODY").map(value -> value.toUpperCase(Locale.ROOT)).orElse(null);
        if (hasEightBit(raw, headerEnd, raw.length) && !"8BITMIME".equals(body) && !"BINARYMIME".equals(body)) {
            problems.add("the message body has 8-bit bytes, but MAIL FROM "
                    + (body == null ? "had no BODY parameter" : "declared BODY=" + body)
                    + " (send BODY=8BITMIME, or use a quoted-printable or base64 transfer encoding)");
        }
        try {
            checkPart(mail.mimeMessage(), "the message", problems);
        } catch (MessagingException | IOException | RuntimeException e) {
            problems.add("the message cannot be parsed as MIME: " + e.getMessage());
        }
        return problems;
    }

    private static void checkPart(Part part, String name, List<String> problems) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                checkPart(multipart.getBodyPart(i), "part " + (i + 1) + " of " + name, problems);
            }
            return;
        }
        if (!part.isMimeType("text/*")) {
            return;
        }
        String type = new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        String transfer = part instanceof MimeBodyPart ? ((MimeBodyPart) part).getEncoding()
                : ((MimeMessage) part).getEncoding();
        transfer = transfer == null ? "7bit" : transfer.toLowerCase(Locale.ROOT);
        byte[] onTheWire = read(part instanceof MimeBodyPart ? ((MimeBodyPart) part).getRawInputStream()
                : ((MimeMessage) part).getRawInputStream());
        String label = name + " (" + type + ")";
        if (hasEightBit(onTheWire, 0, onTheWire.length) && !transfer.equals("8bit") && !transfer.equals("binary")) {
            problems.add(label + " has 8-bit bytes, but its Content-Transfer-Encoding is " + transfer);
        }
        byte[] decoded = read(part.getInputStream());
        String charset = new ContentType(part.getContentType()).getParameter("charset");
        if (charset == null || charset.equalsIgnoreCase("us-ascii")) {
            if (hasEightBit(decoded, 0, decoded.length)) {
                problems.add(label + " has non-ASCII text, but declares " + (charset == null ? "no charset" : "charset "
                        + charset) + " (declare e.g. charset=UTF-8)");
            }
            return;
        }
        String javaCharset = MimeUtility.javaCharset(charset);
        if (!Charset.isSupported(javaCharset)) {
            problems.add(label + " declares the unknown charset " + charset);
        } else if (!decodes(decoded, Charset.forName(javaCharset))) {
            problems.add(label + " declares charset " + charset + ", but its bytes are not valid " + charset);
        }
    }

    private static boolean decodes(byte[] bytes, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    /**
     * Where the body starts: at the first empty line (CRLF, or a bare LF), which may be the very
     * first line when the message has no header fields (RFC 5322 §2.1).
     */
    private static int headerEnd(byte[] raw) {
        int lineStart = 0;
        while (lineStart < raw.length) {
            if (raw[lineStart] == '\n' || raw[lineStart] == '\r' && lineStart + 1 < raw.length && raw[lineStart + 1] == '\n') {
                return lineStart;
            }
            while (lineStart < raw.length && raw[lineStart] != '\n') {
                lineStart++;
            }
            lineStart++;
        }
        return raw.length;
    }

    private static boolean hasEightBit(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return true;
            }
        }
        return false;
    }
}
