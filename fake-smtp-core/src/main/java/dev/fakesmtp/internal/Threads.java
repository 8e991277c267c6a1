package dev.fakesmtp.internal;

/** Joining threads against one deadline shared by several joins. */
final class Threads {

    private Threads() {
    }

    /**
     * Waits for {@code thread} to end, but not past {@code deadline} ({@code System.nanoTime()});
     * returns whether it has ended. Keeps the caller's interrupt status.
     */
    static boolean join(Thread thread, long deadline) {
        boolean interrupted = false;
        try {
            while (thread.isAlive()) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                try {
                    thread.join(Math.max(1, remaining / 1_000_000L));
                } catch (InterruptedException e) {
                    interrupted = true; // close() must still end what it started; the flag is restored below
                }
            }
            return true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
