package dev.fakesmtp.assertj;

import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.TranscriptLine;
import java.util.List;

/** How failure messages name messages and sessions: one line a reader can match to the code under test. */
final class Summaries {

    /** Enough of a transcript to see the exchange that went wrong, without pages of DATA. */
    static final int TRANSCRIPT_LINES = 40;

    private Summaries() {
    }

    /** {@code from <a@x> to [b@x], subject "Hi" (session s1)}. */
    static String mail(ReceivedMail mail) {
        return "from <" + mail.envelope().mailFrom() + "> to " + mail.envelope().recipients() + ", subject "
                + subject(mail) + " (session " + mail.envelope().sessionId() + ")";
    }

    /** The decoded subject in quotes, or why there is none. */
    static String subject(ReceivedMail mail) {
        try {
            String subject = mail.subject();
            return subject == null ? "(none)" : quote(subject);
        } catch (RuntimeException e) {
            return "(not parseable as MIME: " + e.getMessage() + ")";
        }
    }

    /** A numbered list of messages, one per line, each line indented. */
    static String list(List<ReceivedMail> messages) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < messages.size(); i++) {
            list.append("\n  ").append(i + 1).append(". ").append(mail(messages.get(i)));
        }
        return list.toString();
    }

    /** "the mailbox is empty" or "its N messages:" followed by the list. */
    static String contents(List<ReceivedMail> messages) {
        if (messages.isEmpty()) {
            return "the mailbox is empty.";
        }
        return "the mailbox has " + count(messages.size(), "message") + ":" + list(messages);
    }

    /** The end of a session's transcript, indented, one line each. */
    static String transcript(SmtpSession session) {
        List<TranscriptLine> lines = session.transcript();
        int skipped = Math.max(0, lines.size() - TRANSCRIPT_LINES);
        StringBuilder text = new StringBuilder("Transcript of session ").append(session.id())
                .append(skipped > 0 ? " (last " + TRANSCRIPT_LINES + " lines)" : "").append(':');
        for (TranscriptLine line : lines.subList(skipped, lines.size())) {
            text.append("\n  ").append(line);
        }
        return text.toString();
    }

    /** {@code 1 message}, {@code 2 messages}. */
    static String count(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** A value in double quotes, with line breaks shown as escapes so the message stays readable. */
    static String quote(String value) {
        return value == null ? "null" : "\"" + value.replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }
}
