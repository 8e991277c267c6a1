package dev.fakesmtp;

import dev.fakesmtp.internal.mime.MimeView;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One captured SMTP transaction: its {@link Envelope} and the exact message bytes the client
 * sent (after dot-unstuffing), with a MIME view parsed by Jakarta Mail on first use. Holding a
 * message costs about its raw size until the view is used. Immutable and safe to share between
 * threads: {@link #raw()} and {@link #mimeMessage()} hand out copies, so nothing a test does to
 * them changes the captured mail.
 *
 * <pre>{@code
 * ReceivedMail mail = smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
 * assertThat(mail.envelope().recipients()).containsExactly("bob@example.com");
 * assertThat(mail.subject()).isEqualTo("Welcome");
 * }</pre>
 */
public final class ReceivedMail {

    private final Envelope envelope;
    private final byte[] raw;
    private volatile MimeView view;

    /**
     * A captured message; the bytes are taken as they are (the caller must not change them).
     *
     * @param envelope the SMTP envelope
     * @param raw the message bytes after dot-unstuffing (copied)
     */
    public ReceivedMail(Envelope envelope, byte[] raw) {
        this.envelope = Objects.requireNonNull(envelope, "envelope");
        this.raw = Objects.requireNonNull(raw, "raw");
    }

    /** {@return the SMTP envelope: sender, recipients, parameters, client, session} */
    public Envelope envelope() {
        return envelope;
    }

    /** {@return the message exactly as received, after dot-unstuffing; a copy} */
    public byte[] raw() {
        return raw.clone();
    }

    /** {@return the message as received, decoded as UTF-8 (for assertions on headers and 8-bit text)} */
    public String rawText() {
        return new String(raw, StandardCharsets.UTF_8);
    }

    /** {@return the size of the message in bytes} */
    public int size() {
        return raw.length;
    }

    /**
     * The message as a Jakarta Mail {@code MimeMessage} of your own: a new copy on each call, to
     * read or change freely (e.g. to forward it); changes never reach this mail, its other views
     * or other callers. Parsing the MIME view happens on the first call of any MIME accessor.
     *
     * @return a new message parsed from the captured bytes
     * @throws FakeSmtpException if the captured bytes cannot be parsed as MIME
     */
    public MimeMessage mimeMessage() {
        view(); // the same verdict on unparseable content as every other MIME accessor
        return MimeView.copy(raw);
    }

    /** {@return the Subject header decoded per RFC 2047, or null when there is none} */
    public String subject() {
        return view().subject();
    }

    /** {@return the addresses in the From header} */
    public List<String> from() {
        return view().addresses("From");
    }

    /** {@return the addresses in the To header (not the envelope: see {@link Envelope#recipients()})} */
    public List<String> to() {
        return view().addresses("To");
    }

    /** {@return the addresses in the Cc header} */
    public List<String> cc() {
        return view().addresses("Cc");
    }

    /** {@return the addresses in the Reply-To header} */
    public List<String> replyTo() {
        return view().addresses("Reply-To");
    }

    /**
     * The first value of a header, unfolded and decoded per RFC 2047, if present.
     *
     * @param name the header name, in any case
     * @return the first value of a header, unfolded and decoded per RFC 2047, if present
     */
    public Optional<String> header(String name) {
        List<String> values = view().headers(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * Every value of a header, unfolded and decoded per RFC 2047, in message order.
     *
     * @param name the header name, in any case
     * @return every value of a header, unfolded and decoded per RFC 2047, in message order
     */
    public List<String> headers(String name) {
        return view().headers(name);
    }

    /** {@return the first text/plain body part that is not an attachment, decoded, or null when there is none} */
    public String text() {
        return view().text();
    }

    /** {@return the first text/html body part that is not an attachment, decoded, or null when there is none} */
    public String html() {
        return view().html();
    }

    /** {@return the attachments: parts with {@code Content-Disposition: attachment} or a file name} */
    public List<Attachment> attachments() {
        return view().attachments();
    }

    /** {@return the inline parts other than the text and HTML bodies, e.g. embedded images} */
    public List<Attachment> inlineParts() {
        return view().inlineParts();
    }

    private MimeView view() {
        MimeView current = view;
        if (current == null) {
            synchronized (this) {
                current = view;
                if (current == null) {
                    current = MimeView.parse(raw);
                    view = current;
                }
            }
        }
        return current;
    }

    @Override
    public String toString() {
        return envelope + ", " + raw.length + " bytes";
    }
}
