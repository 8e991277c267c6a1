package dev.fakesmtp.internal;

import dev.fakesmtp.SmtpSession;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The sessions a server remembers, bounded: past the limit the oldest ended ones are dropped,
 * and the ended ones' transcripts together stay within {@link #TRANSCRIPT_BUDGET}: past it the
 * oldest lose their transcript (a note says so) but keep the rest of their record.
 */
final class SessionHistory {

    /** About 32 MiB of transcript text for the ended sessions together (each keeps at most 1 MiB). */
    static final long TRANSCRIPT_BUDGET = 32L * 1024 * 1024;
    private static final String DROPPED = "the server keeps about the newest 32 MiB of ended sessions' transcripts";

    private final int limit;
    private final Deque<SessionRecord> sessions = new ArrayDeque<>();

    SessionHistory(int limit) {
        this.limit = limit;
    }

    void add(SessionRecord record) {
        synchronized (this) {
            sessions.addLast(record);
            if (sessions.size() > limit) {
                Iterator<SessionRecord> oldest = sessions.iterator();
                while (sessions.size() > limit && oldest.hasNext()) {
                    if (oldest.next().isEnded()) {
                        oldest.remove();
                    }
                }
            }
        }
        record.onEnd(this::trimTranscripts);
    }

    /** Keeps the newest ended transcripts that fit the budget and drops the older ones. */
    private synchronized void trimTranscripts() {
        long kept = 0;
        boolean full = false;
        for (Iterator<SessionRecord> newestFirst = sessions.descendingIterator(); newestFirst.hasNext(); ) {
            SessionRecord record = newestFirst.next();
            if (!record.isEnded()) {
                continue;
            }
            long cost = record.transcriptCost();
            full = full || kept + cost > TRANSCRIPT_BUDGET;
            if (full) {
                if (cost > 0) {
                    record.dropTranscript(DROPPED);
                }
            } else {
                kept += cost;
            }
        }
    }
    synchronized List<SmtpSession> snapshot() {
        return List.copyOf(sessions);
    }

    synchronized void clear() {
        sessions.clear();
    }

    /** The end of the newest session's dialogue, for a mailbox timeout message. */
    String lastTranscriptTail() {
        SessionRecord last;
        synchronized (this) {
            last = sessions.peekLast();
        }
        if (last == null) {
            return "No client connected to the server.";
        }
        return "Last session (" + last.id() + ", " + last.end() + "), its dialogue (message content folded):\n"
                + DialogueTail.of(last.transcript(), 30);
    }
}
