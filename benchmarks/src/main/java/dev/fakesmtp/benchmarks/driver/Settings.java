package dev.fakesmtp.benchmarks.driver;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * How long and how often each scenario runs. {@link #quick} fits in two minutes, {@link #full}
 * in ten; every loop is bounded both by a count and by a time.
 *
 * @param name "quick" or "full"
 * @param rounds how often each light scenario runs per subject, interleaved (A B C D, B C D A, ...)
 * @param lifecycleMillis time bound of the start+stop and first-greeting loops, per round
 * @param lifecycleCount count bound of those loops, per round
 * @param warmupMillis warm-up before each throughput window
 * @param warmupSliceMillis each server's initial warm-up is five slices of this (new connections,
 *     sequential, pipelined, 8 × 100 KB, 8 × 2 KB), so the JIT has compiled the hot paths
 * @param measureMillis each throughput window
 * @param newConnectionCount count bound of the new-connection-per-message loop, per round
 * @param concurrency the concurrent-connection counts
 * @param idleConnections how many idle connections the idle scenario opens
 * @param retainedMessages how many 10 KB messages the retained-heap scenario captures
 * @param burstMillis how long burst clients wait for their greeting
 * @param suiteMillis time bound of one suite run (a slow subject's remaining tests are skipped)
 * @param suiteRounds how often each suite variant runs
 * @param suitePeers whether the suite scenario also runs the peers and the shared-server variant (full mode)
 * @param idleMillis time bound of opening the idle connections, and of delivering on them
 * @param tlsRuns fresh JVMs per fake-smtp subject for the STARTTLS rows, and as many in clear text
 * @param subjects the subjects to run
 * @param scenarios the light scenarios to run (keys such as "sequential", "c64-100k"), or empty for all
 * @param subjectJvmArgs extra options for every subject JVM (e.g. JFR)
 * @param out where the Markdown report goes
 */
public record Settings(String name, int rounds, long lifecycleMillis, int lifecycleCount, long warmupMillis,
                       long warmupSliceMillis, long measureMillis, int newConnectionCount, List<Integer> concurrency, int idleConnections,
                       int retainedMessages, long burstMillis, long suiteMillis, int suiteRounds,
                       boolean suitePeers, long idleMillis, int tlsRuns, List<Subject> subjects, Set<String> scenarios, List<String> subjectJvmArgs, Path out) {

    /**
     * Under two minutes: one round, short windows, 1,000 idle connections and retained messages,
     * the suite scenario for fake-smtp on virtual threads and @SmtpServer only.
     */
    public static Settings quick(List<Subject> subjects, Set<String> scenarios, List<String> jvmArgs, Path out) {
        return new Settings("quick", 1, 300, 2_000, 100, 300, 500, 200, List.of(1, 8, 64, 256), 1_000, 1_000,
                2_000, 8_000, 1, false, 10_000, 2, subjects, scenarios, jvmArgs, out);
    }

    /** Under ten minutes: three interleaved rounds, the counts (10,000 idle, 10,000 retained). */
    public static Settings full(List<Subject> subjects, Set<String> scenarios, List<String> jvmArgs, Path out) {
        return new Settings("full", 3, 700, 5_000, 250, 1_000, 1_000, 1_000, List.of(1, 8, 64, 256), 10_000, 10_000,
                3_000, 10_000, 2, true, 30_000, 5, subjects, scenarios, jvmArgs, out);
    }

    /** True when the light scenario with this key is to run. */
    public boolean runs(String scenario) {
        return scenarios.isEmpty() || scenarios.contains(scenario);
    }

    /** The same settings for other subjects. */
    public Settings withSubjects(List<Subject> only) {
        return new Settings(name, rounds, lifecycleMillis, lifecycleCount, warmupMillis, warmupSliceMillis, measureMillis,
                newConnectionCount, concurrency, idleConnections, retainedMessages, burstMillis,
                suiteMillis, suiteRounds, suitePeers, idleMillis, tlsRuns, only, scenarios, subjectJvmArgs, out);
    }
}
