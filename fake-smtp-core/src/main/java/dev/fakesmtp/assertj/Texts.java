package dev.fakesmtp.assertj;

import dev.fakesmtp.Attachment;
import dev.fakesmtp.ReceivedMail;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How bodies are compared: mail bodies end lines in CRLF and usually with one, tests are
 * written with {@code \n} and without, so line endings become {@code \n} and trailing line
 * breaks are ignored.
 */
final class Texts {

    private static final int PREVIEW_LENGTH = 120;

    private Texts() {
    }

    /** The text with CRLF and CR as {@code \n} and without trailing line breaks; null stays null. */
    static String normalize(String text) {
        if (text == null) {
            return null;
        }
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        int end = lines.length();
        while (end > 0 && lines.charAt(end - 1) == '\n') {
            end--;
        }
        return lines.substring(0, end);
    }

    /** Whether the normalized body contains the normalized part; a missing body contains nothing. */
    static boolean contains(String body, String part) {
        return body != null && normalize(body).contains(normalize(part));
    }

    /** The start of a body for a one-line message, or "(none)". */
    static String preview(String body) {
        if (body == null) {
            return "(none)";
        }
        String text = normalize(body);
        return Summaries.quote(text.length() <= PREVIEW_LENGTH ? text : text.substring(0, PREVIEW_LENGTH) + "...");
    }

    /** The attachments' file names ("(no name)" for parts without one). */
    static List<String> fileNames(ReceivedMail mail) {
        return mail.attachments().stream().map(Texts::fileName).collect(Collectors.toList());
    }

    /** One attachment's file name, or "(no name)". */
    static String fileName(Attachment attachment) {
        return attachment.fileName().orElse("(no name)");
    }
}
