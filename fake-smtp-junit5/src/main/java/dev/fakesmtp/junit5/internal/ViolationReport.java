package dev.fakesmtp.junit5.internal;

import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.TranscriptLine;
import dev.fakesmtp.Violation;
import java.util.List;

/**
 * Fails a test whose SMTP client broke the protocol, for servers that asked for the check. The
 * message lists each offending session's violations and its transcript, which is what one needs
 * to find the client bug.
 */
final class ViolationReport {

    /** Transcripts can be long (10,000 lines by default); the end is where the trouble usually is. */
    private static final int MAX_TRANSCRIPT_LINES = 60;

    private ViolationReport() {
    }

    /**
     * Throws an {@link AssertionError} when a checked server recorded violations.
     *
     * @param checkAll true when a class-level annotation asks to check every server
     */
    static void check(List<ManagedServer> servers, boolean checkAll) {
        StringBuilder message = new StringBuilder();
        int offending = 0;
        for (ManagedServer managed : servers) {
            if (!checkAll && !managed.declaration().failOnViolations()) {
                continue;
            }
            for (SmtpSession session : managed.server().sessions()) {
                List<Violation> violations = session.violations();
                if (!violations.isEmpty()) {
                    offending++;
                    describe(message, managed, session, violations);
                }
            }
        }
        if (offending > 0) {
            throw new AssertionError("The SMTP client broke the protocol in " + offending + " session"
                    + (offending == 1 ? "" : "s") + " (@SmtpServer(failOnViolations = true)):" + message);
        }
    }

    private static void describe(StringBuilder message, ManagedServer managed, SmtpSession session,
            List<Violation> violations) {
        message.append("\n\nSession ").append(session.id()).append(" on ").append(managed)
                .append(", client ").append(session.clientAddress()).append(", ended: ").append(session.end())
                .append("\nViolations:");
        for (Violation violation : violations) {
            message.append("\n  ").append(violation);
        }
        List<TranscriptLine> transcript = session.transcript();
        int skipped = Math.max(0, transcript.size() - MAX_TRANSCRIPT_LINES);
        message.append("\nTranscript").append(skipped > 0 ? " (last " + MAX_TRANSCRIPT_LINES + " lines)" : "").append(':');
        for (TranscriptLine line : transcript.subList(skipped, transcript.size())) {
            message.append("\n  ").append(line);
        }
    }
}
