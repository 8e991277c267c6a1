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
    /**
     * What the ended sessions' transcripts cost, each as it was when its session ended (a last
     * reply may follow): so that a session's end costs a look at one number, not at every
     * remembered session (a thousand, with their locks), until the budget is really spent.
     */
    private long endedCost;
    /** Counts clear()s, so a session that ends after one is not counted. */
    private long generation;

    SessionHistory(int limit) {
        this.limit = limit;
    }

    void add(SessionRecord record) {
        long addedIn;
        synchronized (this) {
            addedIn = generation;
            sessions.addLast(record);
            if (sessions.size() > limit) {
                Iterator<SessionRecord> oldest = sessions.iterator();
                while (sessions.size() > limit && oldest.hasNext()) {
                    SessionRecord candidate = oldest.next();
                    if (candidate.isEnded()) {
                        oldest.remove();
                        endedCost = Math.max(0, endedCost - candidate.transcriptCost());
                    }
                }
            }
        }
        record.onEnd(() -> ended(record, addedIn));
    }

    private synchronized void ended(SessionRecord record, long addedIn) {
        if (addedIn != generation) {
            return; // cleared since: no longer remembered
        }
        endedCost += record.transcriptCost();
        if (endedCost > TRANSCRIPT_BUDGET) {
            endedCost = trimTranscripts();
        }
    }

    /** Keeps the newest ended transcripts that fit the budget and drops the older ones; returns what is kept. */
    private long trimTranscripts() {
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
        return kept;
    }

    synchronized List<SmtpSession> snapshot() {
        return List.copyOf(sessions);
    }

    synchronized void clear() {
        sessions.clear();
        endedCost = 0;
        generation++;
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
