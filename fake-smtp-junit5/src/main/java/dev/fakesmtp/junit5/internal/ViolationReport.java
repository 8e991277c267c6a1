package dev.fakesmtp.junit5.internal;

import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.TranscriptLine;
import dev.fakesmtp.Violation;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Fails a test whose SMTP client broke the protocol, for servers that asked for the check. The
 * message lists each offending session's violations and its transcript, which is what one needs
 * to find the client bug.
 */
final class ViolationReport {

    /** Transcripts can be long (10,000 lines by default); the end is where the trouble usually is. */
    private static final int MAX_TRANSCRIPT_LINES = 60;

    /**
     * How long, at most and in all, the check waits for sessions still open after the test. A
     * client that hung up without QUIT is known only once the session thread reads the end of
     * the stream, which may come just after the test returned; a connection the client keeps
     * open is no violation, and costs a test this long.
     */
    static final Duration SESSION_END_WAIT = Duration.ofSeconds(2);

    private ViolationReport() {
    }

    /**
     * Throws an {@link AssertionError} when a checked server recorded violations.
     *
     * @param checkAll true when a class-level annotation asks to check every server
     */
    static void check(List<ManagedServer> servers, boolean checkAll) {
        List<ManagedServer> checked = servers.stream()
                .filter(managed -> checkAll || managed.declaration().failOnViolations()).collect(Collectors.toList());
        awaitOpenSessions(checked);
        StringBuilder message = new StringBuilder();
        int offending = 0;
        for (ManagedServer managed : checked) {
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

    /** Gives the sessions still open a bounded moment to end, all of them together. */
    private static void awaitOpenSessions(List<ManagedServer> checked) {
        long deadline = System.nanoTime() + SESSION_END_WAIT.toNanos();
        for (ManagedServer managed : checked) {
            for (SmtpSession session : managed.server().sessions()) {
                long remaining = deadline - System.nanoTime();
                if (session.end() != SessionEnd.OPEN) {
                    continue;
                }
                if (remaining <= 0) {
                    return;
                }
                try {
                    session.awaitEnd(Duration.ofNanos(remaining));
                } catch (AssertionError stillOpen) {
                    return; // the client keeps its connection: the wait is used up
                }
            }
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
