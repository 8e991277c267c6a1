package dev.fakesmtp.benchmarks.driver;

import dev.fakesmtp.benchmarks.driver.Results.Kind;
import dev.fakesmtp.benchmarks.driver.Results.Row;
import dev.fakesmtp.benchmarks.tls.TlsMain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * STARTTLS as a test meets it, for the fake-smtp subjects (the peers' TLS set-ups differ too
 * much to compare): each run a fresh JVM ({@link TlsMain}), STARTTLS and clear-text runs
 * interleaved, the subjects rotated. The first dialogue of each JVM is one sample of the
 * "fresh JVM" rows; the sends after it are pooled into the "later" rows.
 */
final class TlsPhase {

    private static final int LATER_SENDS = 200;

    private final Settings settings;
    private final Results results;
    private final Path logDir;

    TlsPhase(Settings settings, Results results, Path logDir) {
        this.settings = settings;
        this.results = results;
        this.logDir = logDir;
    }

    void run() {
        Row firstTls = results.row("tls-first", "TLS: first STARTTLS dialogue in a fresh JVM (build, start, one "
                + "Transport.send with STARTTLS required)", "", Kind.LATENCY, false);
        Row firstClear = results.row("tls-first-clear", "the same in clear text (reference)", "", Kind.LATENCY, false);
        Row laterTls = results.row("tls-later", "TLS: each later STARTTLS dialogue (one Transport.send, new "
                + "connection)", "", Kind.LATENCY, false);
        Row laterClear = results.row("tls-later-clear", "the same in clear text (reference)", "", Kind.LATENCY, false);
        List<Subject> subjects = settings.subjects().stream().filter(Subject::isFakeSmtp).toList();
        List<String[]> runs = new ArrayList<>();
        for (Subject subject : subjects) {
            runs.add(new String[] {"tls", subject.id()});
            runs.add(new String[] {"clear", subject.id()});
        }
        for (int round = 0; round < settings.tlsRuns(); round++) {
            for (int i = 0; i < runs.size(); i++) {
                String[] run = runs.get((i + round) % runs.size());
                Subject subject = subjects.stream().filter(s -> s.id().equals(run[1])).findFirst().orElseThrow();
                boolean tls = run[0].equals("tls");
                long start = System.nanoTime();
                try (ForkedJvm fork = ForkedJvm.start(subject.java(), subject.classPath(),
                        List.of("-Xmx2g", "-XX:+UseG1GC"), TlsMain.class.getName(),
                        List.of(run[0], subject.kind(), Integer.toString(LATER_SENDS)), logDir,
                        "tls-" + run[0] + "-" + subject.id())) {
                    long[] nanos = Runner.longs(fork.await(Duration.ofSeconds(120)).substring(3));
                    results.samples(tls ? firstTls : firstClear, subject.id(), new long[] {nanos[0]});
                    results.samples(tls ? laterTls : laterClear, subject.id(), Arrays.copyOfRange(nanos, 1, nanos.length));
                } catch (Exception e) {
                    results.note(tls ? firstTls : firstClear, subject.id(), "failed: " + Load.describe(e));
                }
                BenchmarkLog.progress("tls " + run[0] + " " + subject.id() + " [round " + (round + 1) + "] "
                        + (System.nanoTime() - start) / 1_000_000 + " ms");
            }
        }
    }
}
