package dev.fakesmtp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One SMTP reply: a three-digit code, an optional RFC 3463 enhanced status code and one or
 * more lines of text. Immutable.
 *
 * <pre>{@code
 * SmtpReply reply = SmtpReply.of(550, "5.1.1 No such user");
 * }</pre>
 */
public final class SmtpReply {

    private static final Pattern ENHANCED_CODE = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}");

    private final int code;
    private final String enhancedCode;
    private final List<String> lines;

    private SmtpReply(int code, String enhancedCode, List<String> lines) {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("An SMTP reply code is 200 to 599, not " + code);
        }
        if (!enhancedCode.isEmpty()) {
            if (!ENHANCED_CODE.matcher(enhancedCode).matches()) {
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
     * @param text the reply text, optionally starting with an enhanced status code
     * @return the reply
     */
    public static SmtpReply of(int code, String text) {
        Objects.requireNonNull(text, "text");
        int space = text.indexOf(' ');
        String first = space < 0 ? text : text.substring(0, space);
        if (ENHANCED_CODE.matcher(first).matches()) {
            return new SmtpReply(code, first, List.of(space < 0 ? "" : text.substring(space + 1)));
        }
        return new SmtpReply(code, "", List.of(text));
    }

    /**
     * A reply with an explicit enhanced status code ({@code ""} for none) and one or more lines.
     *
     * @param code the reply code, 200 to 599
     * @param enhancedCode the RFC 3463 enhanced status code, such as {@code "5.1.1"}, or {@code ""} for none
     * @param lines the reply lines, at least one
     * @return a reply with an explicit enhanced status code ({@code ""} for none) and one or more lines
     */
    public static SmtpReply of(int code, String enhancedCode, String... lines) {
        return new SmtpReply(code, Objects.requireNonNull(enhancedCode, "enhancedCode"), List.of(lines));
    }

    /**
     * A reply with an explicit enhanced status code ({@code ""} for none) and its lines.
     *
     * @param code the reply code, 200 to 599
     * @param enhancedCode the RFC 3463 enhanced status code, such as {@code "5.1.1"}, or {@code ""} for none
     * @param lines the reply lines, at least one
     * @return a reply with an explicit enhanced status code ({@code ""} for none) and its lines
     */
    public static SmtpReply of(int code, String enhancedCode, List<String> lines) {
        return new SmtpReply(code, Objects.requireNonNull(enhancedCode, "enhancedCode"), lines);
    }

    /** {@return the three-digit reply code, e.g. 250} */
    public int code() {
        return code;
    }

    /** {@return the enhanced status code, e.g. {@code "2.0.0"}, or {@code ""} when the reply has none} */
    public String enhancedCode() {
        return enhancedCode;
    }

    /** {@return the lines of text, without codes} */
    public List<String> lines() {
        return lines;
    }

    /** {@return true for 4xx and 5xx replies} */
    public boolean isError() {
        return code >= 400;
    }

    /**
     * The reply as it goes on the wire: one line per text line, {@code 250-} on all but the last,
     * each ending in CRLF; enhanced codes are included when {@code withEnhancedCodes} is true.
     *
     * @param withEnhancedCodes whether the enhanced status code is sent (ENHANCEDSTATUSCODES offered)
     * @return the reply as it goes on the wire
     */
    public String render(boolean withEnhancedCodes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            out.append(code).append(i == lines.size() - 1 ? ' ' : '-');
            if (withEnhancedCodes && !enhancedCode.isEmpty()) {
                out.append(enhancedCode);
                if (!lines.get(i).isEmpty()) {
                    out.append(' ');
                }
            }
            out.append(lines.get(i)).append("\r\n");
        }
        return out.toString();
    }

    /**
     * The wire form as UTF-8 bytes (SMTPUTF8 allows UTF-8 in reply text).
     *
     * @param withEnhancedCodes whether the enhanced status code is sent (ENHANCEDSTATUSCODES offered)
     * @return the wire form as UTF-8 bytes (SMTPUTF8 allows UTF-8 in reply text)
     */
    public byte[] toBytes(boolean withEnhancedCodes) {
        return render(withEnhancedCodes).getBytes(StandardCharsets.UTF_8);
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
