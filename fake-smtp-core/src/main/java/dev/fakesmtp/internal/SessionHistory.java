package dev.fakesmtp.internal;

import dev.fakesmtp.SmtpSession;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/** The sessions a server remembers, bounded: past the limit the oldest ended ones are dropped. */
final class SessionHistory {

    private final int limit;
    private final Deque<SessionRecord> sessions = new ArrayDeque<>();

    SessionHistory(int limit) {
        this.limit = limit;
    }

    synchronized void add(SessionRecord record) {
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

    synchronized List<SmtpSession> snapshot() {
        return List.copyOf(sessions);
    }

    synchronized void clear() {
        sessions.clear();
    }

    /** The end of the newest session's transcript, for a mailbox timeout message. */
    String lastTranscriptTail() {
        SessionRecord last;
        synchronized (this) {
            last = sessions.peekLast();
        }
        if (last == null) {
            return "No client connected to the server.";
        }
        return "Last session (" + last.id() + ", " + last.end() + ") ended with:\n" + last.transcriptTail(20);
    }
}
