package dev.fakesmtp.internal.web;

import dev.fakesmtp.Attachment;
import dev.fakesmtp.ReceivedMail;
import java.util.Map;
import java.util.Optional;

/** The report's {@link Links}: anchors in {@code index.html} and files next to it. */
final class ReportLinks implements Links {

    /** Parts up to this size are embedded in index.html as well as written next to it. */
    static final int MAX_EMBEDDED_DOWNLOAD = 2 * 1024 * 1024;

    private final Map<ReceivedMail, Integer> numbers;
    private final String sessionPrefix;

    ReportLinks(Map<ReceivedMail, Integer> numbers, String sessionPrefix) {
        this.numbers = numbers;
        this.sessionPrefix = sessionPrefix;
    }

    @Override
    public String message(ReceivedMail mail) {
        return "#message-" + numbers.get(mail);
    }

    @Override
    public String raw(ReceivedMail mail) {
        return "message-" + numbers.get(mail) + ".eml";
    }

    /**
     * A {@code data:} URI for all but large parts: Chromium ignores the {@code download} attribute
     * on links between {@code file:} pages (and opens a PDF instead of saving it), but honours it on
     * {@code data:} URIs. A large part is linked as the file next to the report, to keep the page small.
     */
    @Override
    public String attachment(ReceivedMail mail, int index, Attachment part) {
        if (part.size() <= MAX_EMBEDDED_DOWNLOAD) {
            return Html.dataUri("application/octet-stream", part.content());
        }
        return "message-" + numbers.get(mail) + "/" + fileName(index, part);
    }

    @Override
    public String session(String sessionId) {
        return "#" + sessionPrefix + "session-" + sessionId;
    }

    @Override
    public Optional<String> remoteImages(ReceivedMail mail) {
        return Optional.empty();
    }

    /**
     * A part's file name in the report: its number, then its name reduced to characters that are
     * safe in a path and a URL, so a hostile name cannot leave the folder.
     */
    static String fileName(int index, Attachment part) {
        String name = part.fileName().orElse("part");
        StringBuilder safe = new StringBuilder().append(index + 1).append('-');
        for (int i = 0; i < name.length() && safe.length() < 100; i++) {
            char c = name.charAt(i);
            safe.append(c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_') ? c : '_');
        }
        return safe.toString();
    }
}
