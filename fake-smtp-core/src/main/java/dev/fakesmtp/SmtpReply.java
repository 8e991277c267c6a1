package dev.fakesmtp;

import dev.fakesmtp.internal.ReplyText;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * One SMTP reply: a three-digit code, an optional RFC 3463 enhanced status code and one or
 * more lines of text. Immutable. Any text can be given; {@link #render} makes it fit for the
 * wire: characters other than printable US-ASCII and HT (RFC 5321 §4.2) go out as
 * {@code \xHH} escapes of their UTF-8 octets, and a line longer than the 512 octets of RFC 5321
 * §4.5.3.1.5 loses the middle of its text to {@code "..."}.
 *
 * <pre>{@code
 * SmtpReply reply = SmtpReply.of(550, "5.1.1 No such user");
 * }</pre>
 */
public final class SmtpReply {


    private final int code;
    private final String enhancedCode;
    private final List<String> lines;

    private SmtpReply(int code, String enhancedCode, List<String> lines) {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("An SMTP reply code is 200 to 599, not " + code);
        }
        if (!enhancedCode.isEmpty()) {
            if (!isEnhancedCode(enhancedCode)) {
                throw new IllegalArgumentException("Not an enhanced status code (class.subject.detail): " + enhancedCode);
            }
            if (enhancedCode.charAt(0) != Integer.toString(code).charAt(0)) {
                throw new IllegalArgumentException(
                        "Enhanced status code " + enhancedCode + " does not match the class of reply code " + code);
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("A reply has at least one line");
        }
        for (String line : lines) {
            if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("A reply line must not contain CR or LF: " + line);
            }
        }
        this.code = code;
        this.enhancedCode = enhancedCode;
        this.lines = List.copyOf(lines);
    }

    /**
     * A reply whose text may start with an enhanced status code, as in
     * {@code of(550, "5.1.1 No such user")}.
     *
     * @param code the reply code, 200 to 599
     * @param text the text, optionally starting with an enhanced status code and a space
     * @return the reply
     * @throws IllegalArgumentException for a bad code, an enhanced code of another class, or CR/LF in the text
     */
    public static SmtpReply of(int code, String text) {
        Objects.requireNonNull(text, "text");
        int space = text.indexOf(' ');
        String first = space < 0 ? text : text.substring(0, space);
        if (isEnhancedCode(first)) {
            return new SmtpReply(code, first, List.of(space < 0 ? "" : text.substring(space + 1)));
        }
        return new SmtpReply(code, "", List.of(text));
    }

    /**
     * A reply with an explicit enhanced status code and one or more lines.
     *
     * @param code the reply code, 200 to 599
     * @param enhancedCode the enhanced status code, e.g. {@code "2.1.0"}, or {@code ""} for none
     * @param lines the lines of text, at least one, none with CR or LF
     * @return the reply
     * @throws IllegalArgumentException for a bad code, no lines, or CR/LF in a line
     */
    public static SmtpReply of(int code, String enhancedCode, String... lines) {
        return new SmtpReply(code, Objects.requireNonNull(enhancedCode, "enhancedCode"), List.of(lines));
    }

    /**
     * A reply with an explicit enhanced status code and its lines.
     *
     * @param code the reply code, 200 to 599
     * @param enhancedCode the enhanced status code, e.g. {@code "2.1.0"}, or {@code ""} for none
     * @param lines the lines of text, at least one, none with CR or LF
     * @return the reply
     * @throws IllegalArgumentException for a bad code, no lines, or CR/LF in a line
     */
    public static SmtpReply of(int code, String enhancedCode, List<String> lines) {
        return new SmtpReply(code, Objects.requireNonNull(enhancedCode, "enhancedCode"), lines);
    }

    /**
     * Whether {@code text} is an enhanced status code, {@code [245]\.\d{1,3}\.\d{1,3}} (RFC 3463),
     * checked by hand: every reply the server sends is checked, twice, and a regex cost more than
     * the rest of making the reply.
     */
    private static boolean isEnhancedCode(String text) {
        if (text.length() < 5 || text.length() > 9) {
            return false;
        }
        char kind = text.charAt(0);
        if (kind != '2' && kind != '4' && kind != '5' || text.charAt(1) != '.') {
            return false;
        }
        int subjectEnd = digitsEnd(text, 2);
        return subjectEnd > 0 && subjectEnd < text.length() && text.charAt(subjectEnd) == '.'
                && digitsEnd(text, subjectEnd + 1) == text.length();
    }

    /** Where one to three ASCII digits from {@code from} end, or -1 when there is none. */
    private static int digitsEnd(String text, int from) {
        int i = from;
        while (i < text.length() && i - from < 3 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i == from ? -1 : i;
    }

    /**
     * The three-digit reply code.
     *
     * @return the code, e.g. 250
     */
    public int code() {
        return code;
    }

    /**
     * The enhanced status code.
     *
     * @return the code, e.g. {@code "2.0.0"}, or {@code ""} when the reply has none
     */
    public String enhancedCode() {
        return enhancedCode;
    }

    /**
     * The lines of text, without codes, as given.
     *
     * @return the lines, unescaped and unshortened ({@link #render} prepares them for the wire)
     */
    public List<String> lines() {
        return lines;
    }

    /**
     * Whether this reply refuses something.
     *
     * @return true for 4xx and 5xx replies
     */
    public boolean isError() {
        return code >= 400;
    }

    /**
     * The reply as it goes on the wire: one line per text line, {@code 250-} on all but the last,
     * each ending in CRLF; enhanced codes are included when {@code withEnhancedCodes} is true.
     * Every line is printable US-ASCII or HT and at most 512 octets, CRLF included: other
     * characters are written {@code \xHH} (their UTF-8 octets) and an over-long text keeps its
     * start and end around {@code "..."}.
     *
     * @param withEnhancedCodes whether to write the enhanced status code (ENHANCEDSTATUSCODES)
     * @return the wire form, CRLF after every line
     */
    public String render(boolean withEnhancedCodes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            StringBuilder prefix = new StringBuilder().append(code).append(i == lines.size() - 1 ? ' ' : '-');
            if (withEnhancedCodes && !enhancedCode.isEmpty()) {
                prefix.append(enhancedCode);
                if (!lines.get(i).isEmpty()) {
                    prefix.append(' ');
                }
            }
            out.append(ReplyText.line(prefix.toString(), lines.get(i))).append("\r\n");
        }
        return out.toString();
    }

    /**
     * The wire form as bytes: US-ASCII, since {@link #render} escapes everything else.
     *
     * @param withEnhancedCodes whether to write the enhanced status code
     * @return the octets that go on the wire
     */
    public byte[] toBytes(boolean withEnhancedCodes) {
        return render(withEnhancedCodes).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SmtpReply reply
                && reply.code == code
                && reply.enhancedCode.equals(enhancedCode)
                && reply.lines.equals(lines);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, enhancedCode, lines);
    }

    /** The wire form with enhanced codes, without the final CRLF. */
    @Override
    public String toString() {
        String rendered = render(true);
        return rendered.substring(0, rendered.length() - 2);
    }
}
