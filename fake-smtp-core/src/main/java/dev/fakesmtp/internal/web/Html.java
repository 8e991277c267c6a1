package dev.fakesmtp.internal.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

/**
 * Escaping and small formatting helpers for the HTML the web UI and the report write. Every
 * piece of captured mail (subjects, addresses, bodies, file names, transcripts) passes
 * {@link #escape(String)} before it reaches a page.
 */
public final class Html {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    private Html() {
    }

    /**
     * Escapes text for an HTML text node or a double- or single-quoted attribute value.
     *
     * @param text the text, or null (written as nothing)
     * @return the text with {@code & < > " '} replaced by character references
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A point in time as people read it, in this machine's time zone.
     *
     * @param time the instant
     * @return e.g. {@code 2026-05-01 13:02:11.123}
     */
    public static String time(Instant time) {
        return TIME.format(time.atZone(ZoneId.systemDefault()));
    }

    /**
     * A size as people read it.
     *
     * @param bytes the size
     * @return e.g. {@code 512 B}, {@code 12.3 KiB}, {@code 2.0 MiB}
     */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    /**
     * A {@code data:} URI holding {@code content}.
     *
     * @param contentType the media type, e.g. {@code image/png}
     * @param content the bytes
     * @return {@code data:<type>;base64,<content>}
     */
    public static String dataUri(String contentType, byte[] content) {
        return "data:" + contentType + ";base64," + Base64.getEncoder().encodeToString(content);
    }
}
