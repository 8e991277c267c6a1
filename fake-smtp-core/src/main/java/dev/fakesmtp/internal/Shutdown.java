package dev.fakesmtp.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the server's close() ends the sessions still open: a 421 to each (RFC 5321 §3.8), closed
 * sockets, and every session thread joined, all within the shutdown timeout whatever the
 * clients do.
 */
final class Shutdown {

    /** What writes in progress get, all sessions together, before their sockets are closed. */
    private static final Duration WRITE_BUDGET = Duration.ofMillis(250);

    private Shutdown() {
    }

    /**
     * Ends {@code sessions} and waits for their threads until {@code deadline}
     * ({@code System.nanoTime()}); the 421s go out from a helper thread named {@code helperName}.
     */
    static void endAll(List<Session> sessions, Duration shutdownTimeout, long deadline, String helperName) {
        if (sessions.isEmpty()) {
            return;
        }
        sessions.forEach(Session::markShutdown);
        long budget = Math.min(WRITE_BUDGET.toNanos(), SessionLimits.nanos(shutdownTimeout) / 2);
        Thread notifier = ConnectionThreads.newThread(helperName, () -> tellAll(sessions, System.nanoTime() + budget));
        notifier.start();
        Threads.join(notifier, deadline);
        sessions.forEach(Session::closeSocket);
        for (Session session : sessions) {
            session.thread().interrupt(); // ends a rule's delay; socket reads already fail on the closed socket
        }
        for (Session session : sessions) {
            Threads.join(session.thread(), deadline);
        }
        Threads.join(notifier, deadline);
    }

    /**
     * Sends 421 to every session. One whose own thread is in the middle of a write (stuck, mostly,
     * on a client that does not read) is passed over at first and retried when the others have
     * theirs; all of those share one budget, and the socket of one still writing after it is
     * closed: its client would not read a 421 either. The helper's own writes are bounded by the
     * same budget (the watchdog closes a socket that blocks one longer).
     */
    private static void tellAll(List<Session> sessions, long budgetEnd) {
        List<Session> writing = new ArrayList<>();
        for (Session session : sessions) {
            if (!session.shutdown(System.nanoTime(), budgetEnd)) {
                writing.add(session);
            }
        }
        for (Session session : writing) {
            if (!session.shutdown(budgetEnd, budgetEnd)) {
                session.closeSocket();
            }
        }
    }
}
