package dev.fakesmtp.junit5.internal;

import dev.fakesmtp.FailureCase;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.TranscriptLine;
import java.util.List;
import java.util.Locale;

/**
 * Reads the transcripts of a failed matrix run for where the client went wrong: the line the
 * case caused, and what the client did next (sent the mail again, went on, or said nothing more).
 */
final class MatrixClue {

    private static final int MAX_LINE = 100;

    private MatrixClue() {
    }

    /** One sentence about the transcript after the case's failure. */
    static String whereTheClientWentWrong(FailureCase failure, FakeSmtpServer server) {
        List<SmtpSession> sessions = server.sessions();
        String mark = "(" + failure.id() + ")";
        for (int s = 0; s < sessions.size(); s++) {
            List<TranscriptLine> lines = sessions.get(s).transcript();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).causedBy().filter(rule -> rule.contains(mark)).isPresent()) {
                    return "after `" + shown(lines.get(i)) + "` (session " + (s + 1) + ") " + next(sessions, s, i + 1);
                }
            }
        }
        return "the transcripts no longer show the failure (the server was reset)";
    }

    /** Why a run whose case never fired tested nothing. */
    static String neverHappened(FailureCase failure) {
        return switch (failure.stage()) {
            case AUTH -> "the client never sent AUTH (does it log in?)";
            case BDAT -> "the client never sent BDAT (it does not use CHUNKING)";
            case STARTTLS -> "the client never sent STARTTLS";
            default -> failure.id().contains("several") || failure.id().contains("too-many")
                    ? "the client never sent a second recipient in one transaction"
                    : "the client never reached " + failure.stage().label();
        };
    }

    /** What the client did after the failure, from session {@code s}, line {@code from} on. */
    private static String next(List<SmtpSession> sessions, int s, int from) {
        String firstClientLine = null;
        for (int t = s; t < sessions.size(); t++) {
            List<TranscriptLine> lines = sessions.get(t).transcript();
            for (int i = t == s ? from : 0; i < lines.size(); i++) {
                TranscriptLine line = lines.get(i);
                if (line.direction() != TranscriptLine.Direction.CLIENT) {
                    continue;
                }
                if (isTransaction(line.text())) {
                    return (t == s ? "the client went on with `" : "the client's next transaction: `") + shown(line)
                            + "` (session " + (t + 1) + ")";
                }
                if (firstClientLine == null) {
                    firstClientLine = "`" + shown(line) + "` (session " + (t + 1) + ")";
                }
            }
        }
        return firstClientLine == null ? "the client sent nothing more"
                : "the client sent " + firstClientLine + " and no mail after it";
    }

    private static boolean isTransaction(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        return upper.startsWith("MAIL ") || upper.startsWith("RCPT ") || upper.equals("DATA") || upper.startsWith("BDAT ");
    }

    private static String shown(TranscriptLine line) {
        String prefix = switch (line.direction()) {
            case CLIENT -> "C: ";
            case SERVER -> "S: ";
            case NOTE -> "-- "; // as TranscriptLine shows it: a note never poses as a server line
        };
        String text = prefix + line.text();
        return text.length() > MAX_LINE ? text.substring(0, MAX_LINE) + "..." : text;
    }
}
