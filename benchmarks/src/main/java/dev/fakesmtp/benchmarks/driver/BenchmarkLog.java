package dev.fakesmtp.benchmarks.driver;

/** Progress lines on stderr, with the time since start, so a long run shows where it is. */
public final class BenchmarkLog {

    private static final long START = System.nanoTime();

    private BenchmarkLog() {
    }

    /** Prints one progress line. */
    public static void progress(String text) {
        System.err.printf("[%6.1f s] %s%n", (System.nanoTime() - START) / 1e9, text);
    }

    /** Seconds since the run started. */
    public static double elapsedSeconds() {
        return (System.nanoTime() - START) / 1e9;
    }
}
