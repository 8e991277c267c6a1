package dev.fakesmtp.benchmarks.driver;

import dev.fakesmtp.benchmarks.driver.Results.Kind;
import dev.fakesmtp.benchmarks.driver.Results.Row;
import dev.fakesmtp.benchmarks.subject.SubjectMain;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the light scenarios: one long-lived JVM per subject, all of them up at once, and each
 * scenario run round by round with the subjects' order rotated (A B C D, B C D A, ...), so a
 * slow minute of the machine does not fall on one subject.
 */
public final class Runner {

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(120);
    static final Message TWO_KB = Message.ofSize(2 * 1024);
    static final Message TEN_KB = Message.ofSize(10 * 1024);
    static final Message HUNDRED_KB = Message.ofSize(100 * 1024);

    private final Settings settings;
    private final Results results;
    private final Path logDir;
    private final Map<Subject, ForkedJvm> forks = new LinkedHashMap<>();
    private final Map<Subject, Integer> ports = new LinkedHashMap<>();

    Runner(Settings settings, Results results, Path logDir) {
        this.settings = settings;
        this.results = results;
        this.logDir = logDir;
    }

    /** A scenario step against one subject's running server. */
    interface Step {
        void run(Subject subject, ForkedJvm fork, int port) throws Exception;
    }

    void run() throws Exception {
        try {
            for (Subject subject : settings.subjects()) {
                try {
                    forks.put(subject, fork(subject, "light"));
                } catch (IOException | RuntimeException e) {
                    failure(subject, "JVM did not start: " + Load.describe(e));
                }
            }
            Row startStop = results.row("start-stop", "start()+stop()", "", Kind.LATENCY, false);
            Row greeting = results.row("greeting", "start() → first 220 greeting", "", Kind.LATENCY, false);
            interleaved("start-stop", "start+stop", (subject, fork, port) -> results.samples(startStop, subject.id(),
                    longs(fork.call("lifecycle " + settings.lifecycleCount() + " " + settings.lifecycleMillis(), CALL_TIMEOUT))));
            interleaved("greeting", "first greeting", (subject, fork, port) -> results.samples(greeting, subject.id(),
                    longs(fork.call("greeting " + settings.lifecycleCount() + " " + settings.lifecycleMillis(), CALL_TIMEOUT))));
            for (Subject subject : settings.subjects()) {
                ForkedJvm fork = forks.get(subject);
                if (fork != null) {
                    ports.put(subject, Integer.parseInt(fork.call("serve 0", CALL_TIMEOUT)));
                }
            }
            warmUp();
            Row newConnection = results.row("new-connection", "new connection per message (connect…QUIT, 2 KB)", "",
                    Kind.LATENCY, false);
            interleaved("new-connection", "new connection per message", (subject, fork, port) -> results.samples(newConnection, subject.id(),
                    Load.newConnectionPerMessage(port, TWO_KB, settings.newConnectionCount(),
                            settings.warmupMillis(), settings.measureMillis())));
            throughputScenario("sequential", "1 connection, sequential (2 KB)", 1, TWO_KB, false, true);
            throughputScenario("pipelined", "1 connection, PIPELINING when advertised (2 KB)", 1, TWO_KB, true, true);
            for (int connections : settings.concurrency()) {
                if (connections > 1) {
                    throughputScenario("c" + connections + "-2k", connections + " connections (2 KB)", connections, TWO_KB,
                            false, false);
                }
            }
            for (int connections : settings.concurrency()) {
                throughputScenario("c" + connections + "-100k", connections + " connection" + (connections == 1 ? "" : "s")
                        + " (100 KB)", connections, HUNDRED_KB, false, false);
            }
            Row burstGreeted = results.row("burst-greeted", "burst of 256 simultaneous connects: greeted within "
                    + settings.burstMillis() / 1000.0 + " s", "of 256", Kind.VALUE, true);
            Row burstLatency = results.row("burst-latency", "burst of 256: connect → 220 of those greeted", "",
                    Kind.LATENCY, false);
            interleaved("burst", "burst", (subject, fork, port) -> {
                Load.Burst burst = Load.burst(port, 256, settings.burstMillis());
                results.value(burstGreeted, subject.id(), burst.greeted());
                results.samples(burstLatency, subject.id(), burst.latencies());
                if (burst.firstError() != null) {
                    results.note(burstGreeted, subject.id(), "others: " + burst.firstError());
                }
            });
        } finally {
            forks.values().forEach(ForkedJvm::close);
        }
    }

    private void throughputScenario(String key, String title, int connections, Message message, boolean pipeline,
                                    boolean withCpu) throws Exception {
        Row row = results.row(key, title, "", Kind.THROUGHPUT, true);
        Row cpu = withCpu ? results.row(key + "-cpu", "server CPU per message, " + key + " (2 KB)", "µs", Kind.VALUE,
                false) : null;
        interleaved(key, title, (subject, fork, port) -> {
            Load.Throughput result = Load.throughput(fork.pid(), port, connections, message, pipeline,
                    settings.warmupMillis(), settings.measureMillis());
            results.value(row, subject.id(), result.perSecond());
            BenchmarkLog.progress(String.format(java.util.Locale.ROOT, "  %s %s: %.0f/s, server CPU %.0f µs/msg", key,
                    subject.id(), result.perSecond(), result.serverCpuNanos() / 1000.0 / Math.max(1, result.messages())));
            results.samples(row, subject.id(), result.latencies());
            if (result.greeted() < connections) {
                results.note(row, subject.id(), result.greeted() + " of " + connections + " connections served");
            }
            if (result.firstError() != null) {
                results.note(row, subject.id(), "error: " + result.firstError());
            }
            if (result.messages() > 0) {
                double micros = result.serverCpuNanos() / 1000.0 / result.messages();
                if (cpu != null) {
                    results.value(cpu, subject.id(), micros);
                } else {
                    results.value(cpuOf(row), subject.id(), micros);
                }
            }
            if (pipeline && !result.advertisedPipelining()) {
                results.note(row, subject.id(), "no PIPELINING: one command per round trip");
            }
        });
    }

    /** The hidden row that keeps a throughput row's CPU per message (reported as a note). */
    private Results.Row cpuOf(Results.Row row) {
        return results.row(row.key() + Report.CPU_NOTE, "server CPU per message, " + row.title(), "µs", Kind.VALUE, false);
    }

    /** Runs {@code step} for every subject, round by round, rotating the order; clears mailboxes after. */
    private void interleaved(String key, String name, Step step) throws Exception {
        if (!settings.runs(key)) {
            return;
        }
        List<Subject> subjects = new ArrayList<>(forks.keySet());
        for (int round = 0; round < settings.rounds(); round++) {
            for (int i = 0; i < subjects.size(); i++) {
                Subject subject = subjects.get((i + round) % subjects.size());
                ForkedJvm fork = forks.get(subject);
                long start = System.nanoTime();
                try {
                    step.run(subject, fork, ports.getOrDefault(subject, -1));
                } catch (IOException | RuntimeException e) {
                    failure(subject, name + ": " + Load.describe(e));
                }
                if (ports.containsKey(subject)) {
                    recover(subject, fork, name);
                }
                BenchmarkLog.progress(name + " [round " + (round + 1) + "/" + settings.rounds() + "] " + subject.id()
                        + " " + (System.nanoTime() - start) / 1_000_000 + " ms");
            }
        }
    }

    /**
     * Clears the mailbox; if the server no longer greets a new connection, starts a fresh one
     * in the same JVM, so one scenario that breaks a subject does not void all later ones.
     */
    private void recover(Subject subject, ForkedJvm fork, String scenario) {
        try {
            int port = ports.get(subject);
            if (!Load.answers(port, TWO_KB)) {
                failure(subject, "stopped answering after " + scenario + ": restarted");
                fork.call("stop", CALL_TIMEOUT);
                ports.put(subject, Integer.parseInt(fork.call("serve 0", CALL_TIMEOUT)));
            }
            fork.call("clear", CALL_TIMEOUT);
        } catch (RuntimeException e) {
            failure(subject, "recovering after " + scenario + ": " + Load.describe(e));
        }
    }

    private void failure(Subject subject, String text) {
        results.note(results.row("failures", "failures and restarts", "", Kind.VALUE, false), subject.id(), text);
    }

    /**
     * Brings every server to steady state before anything is measured: the same mixed traffic
     * for each (new connections, one connection plain and pipelined, eight with 100 KB).
     */
    private void warmUp() throws Exception {
        for (Subject subject : forks.keySet()) {
            long start = System.nanoTime();
            ForkedJvm fork = forks.get(subject);
            Integer port = ports.get(subject);
            if (port == null) {
                continue;
            }
            long slice = settings.warmupSliceMillis();
            try {
                Load.newConnectionPerMessage(port, TWO_KB, 200, 0, slice);
                Load.throughput(fork.pid(), port, 1, TWO_KB, false, 0, slice);
                Load.throughput(fork.pid(), port, 1, TWO_KB, true, 0, slice);
                Load.throughput(fork.pid(), port, 8, HUNDRED_KB, false, 0, slice);
                Load.throughput(fork.pid(), port, 8, TWO_KB, false, 0, slice);
            } catch (IOException | RuntimeException e) {
                failure(subject, "warm-up: " + Load.describe(e));
            }
            recover(subject, fork, "warm-up");
            BenchmarkLog.progress("warm-up " + subject.id() + " " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
    }

    ForkedJvm fork(Subject subject, String purpose) throws IOException {
        List<String> jvmArgs = new ArrayList<>(List.of("-Xmx2g", "-XX:+UseG1GC"));
        jvmArgs.addAll(settings.subjectJvmArgs().stream()
                .map(arg -> arg.replace("{subject}", subject.id()).replace("{purpose}", purpose)).toList());
        ForkedJvm fork = ForkedJvm.start(subject.java(), subject.classPath(), jvmArgs, SubjectMain.class.getName(),
                List.of(subject.kind()), logDir, subject.id() + "-" + purpose);
        fork.await(Duration.ofSeconds(30));
        return fork;
    }

    static long[] longs(String text) {
        if (text.isBlank()) {
            return new long[0];
        }
        String[] words = text.trim().split(" ");
        long[] values = new long[words.length];
        for (int i = 0; i < words.length; i++) {
            values[i] = Long.parseLong(words[i]);
        }
        return values;
    }
}
