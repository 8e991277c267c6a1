package dev.fakesmtp.benchmarks.driver;

import dev.fakesmtp.benchmarks.driver.Results.Kind;
import dev.fakesmtp.benchmarks.driver.Results.Row;
import dev.fakesmtp.benchmarks.suite.SuiteMain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scenarios that get a fresh JVM per run: idle connections, retained heap (once per
 * subject, in the list's order) and the cost to a test suite (round by round, rotated).
 */
final class SeparatePhases {

    private final Settings settings;
    private final Results results;
    private final Path logDir;
    private final Runner forks;

    SeparatePhases(Settings settings, Results results, Path logDir, Runner forks) {
        this.settings = settings;
        this.results = results;
        this.logDir = logDir;
        this.forks = forks;
    }

    void idleConnections() {
        String n = String.format(Locale.ROOT, "%,d", settings.idleConnections());
        Row greeted = results.row("idle-greeted", n + " idle connections: greeted", "", Kind.VALUE, true);
        Row open = results.row("idle-open", n + " idle: time to open and greet all, one by one", "s", Kind.VALUE, false);
        Row rss = results.row("idle-rss", n + " idle: server RSS with all open (before any)", "MB", Kind.VALUE, false);
        Row threads = results.row("idle-threads", n + " idle: server threads", "", Kind.VALUE, false);
        Row delivered = results.row("idle-delivered", n + " idle: then one 2 KB message each: delivered", "",
                Kind.VALUE, true);
        Row deliverTime = results.row("idle-deliver-time", n + " idle: time to deliver those (32 client threads)", "s",
                Kind.VALUE, false);
        for (Subject subject : settings.subjects()) {
            long start = System.nanoTime();
            try (ForkedJvm fork = forks.fork(subject, "idle")) {
                int port = Integer.parseInt(fork.call("serve 20000", Runner.CALL_TIMEOUT));
                Heavy.Idle idle = Heavy.idle(fork, port, settings.idleConnections(), Runner.TWO_KB, settings.idleMillis());
                String id = subject.id();
                results.value(greeted, id, idle.greeted());
                results.value(open, id, idle.openNanos() / 1e9);
                results.value(rss, id, idle.rssIdleKib() / 1024.0);
                results.note(rss, id, String.format(Locale.ROOT, "before %.0f", idle.rssBeforeKib() / 1024.0));
                results.value(threads, id, idle.threadsIdle());
                results.value(delivered, id, idle.delivered());
                results.value(deliverTime, id, idle.deliverNanos() / 1e9);
                if (idle.captured() != idle.delivered()) {
                    results.note(delivered, id, "server holds " + idle.captured());
                }
                if (idle.firstError() != null) {
                    results.note(greeted, id, idle.firstError());
                }
            } catch (Exception e) {
                results.note(greeted, subject.id(), "failed: " + Load.describe(e));
            }
            BenchmarkLog.progress("idle connections " + subject.id() + " " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
    }

    void retainedHeap() {
        String n = String.format(Locale.ROOT, "%,d", settings.retainedMessages());
        Row perMessage = results.row("retained", "retained heap per captured 10 KB message (" + n + " on one connection)",
                "B", Kind.VALUE, false);
        Row ratio = results.row("retained-ratio", "retained heap ÷ raw message size (10,240 B)", "", Kind.VALUE, false);
        for (Subject subject : settings.subjects()) {
            long start = System.nanoTime();
            try (ForkedJvm fork = forks.fork(subject, "retained")) {
                int port = Integer.parseInt(fork.call("serve 0", Runner.CALL_TIMEOUT));
                Heavy.Retained retained = Heavy.retained(fork, port, settings.retainedMessages(), Runner.TEN_KB, 90_000,
                        logDir.resolve(subject.id() + "-retained-histogram").toAbsolutePath());
                results.value(perMessage, subject.id(), retained.perMessage());
                results.value(ratio, subject.id(), retained.perMessage() / retained.rawSize());
                if (retained.captured() != settings.retainedMessages()) {
                    results.note(perMessage, subject.id(), "captured " + retained.captured());
                }
            } catch (Exception e) {
                results.note(perMessage, subject.id(), "failed: " + Load.describe(e));
            }
            BenchmarkLog.progress("retained heap " + subject.id() + " " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
    }

    /** One suite run: which class, which subject, on which JDK. */
    private record SuiteRun(String variant, Subject subject) {
    }

    void testSuiteCost() {
        Row none = results.row("suite-none", "1,000 JUnit tests, no server (baseline, same JDK)", "s", Kind.VALUE, false);
        Row shared = results.row("suite-shared", "1,000 tests, one shared server, one Transport.send each", "s", Kind.VALUE, false);
        Row fresh = results.row("suite-fresh", "1,000 tests, a fresh server per test, one Transport.send each", "s",
                Kind.VALUE, false);
        Row extension = results.row("suite-extension", "1,000 tests, a fresh server per test from @SmtpServer, "
                + "one Transport.send each", "s", Kind.VALUE, false);
        Row cost = results.row("suite-cost", "cost per test of a fresh server + one Transport.send (fresh − baseline)", "ms",
                Kind.VALUE, false);
        Row extensionCost = results.row("suite-extension-cost", "cost per test of @SmtpServer + one Transport.send "
                + "(@SmtpServer − baseline)", "ms", Kind.VALUE, false);
        Row medianShared = results.row("suite-median-shared", "median single test, shared server (JUnit's view)", "ms",
                Kind.VALUE, false);
        Row medianTest = results.row("suite-median", "median single test, fresh server (before/after-each included)", "ms",
                Kind.VALUE, false);
        Row medianExtension = results.row("suite-median-extension", "median single test, @SmtpServer", "ms",
                Kind.VALUE, false);
        List<SuiteRun> runs = new ArrayList<>();
        Map<Path, Subject> baselineByJdk = new LinkedHashMap<>();
        // Quick mode: fake-smtp on virtual threads only, @SmtpServer against the baseline. Full mode:
        // @SmtpServer for the fake-smtp subjects, a hand-made fresh server for the others (and
        // fake-smtp's, to compare like with like), and the shared-server variant for the reference
        // only (fresh − shared isolates start+stop).
        List<Subject> subjects = settings.subjects().stream()
                .filter(s -> settings.suitePeers() || s.kind().equals("fake-smtp-vt")).toList();
        for (Subject subject : subjects) {
            baselineByJdk.putIfAbsent(subject.java(), subject);
            if (subject.isFakeSmtp()) {
                runs.add(new SuiteRun("extension", subject));
            }
            if (settings.suitePeers() && !subject.kind().equals("fake-smtp-pt")) {
                runs.add(new SuiteRun("fresh", subject));
                if (subject.id().equals("fake-smtp-vt")) {
                    runs.add(new SuiteRun("shared", subject));
                }
            }
        }
        baselineByJdk.values().forEach(subject -> runs.add(new SuiteRun("none", subject)));
        Map<Path, List<Double>> baselines = new LinkedHashMap<>();
        Map<String, List<Double>> perTestFresh = new LinkedHashMap<>();
        Map<String, List<Double>> perTestExtension = new LinkedHashMap<>();
        for (int round = 0; round < settings.suiteRounds(); round++) {
            for (int i = 0; i < runs.size(); i++) {
                SuiteRun run = runs.get((i + round) % runs.size());
                long start = System.nanoTime();
                try {
                    double[] outcome = suite(run);
                    String id = run.subject().id();
                    double seconds = outcome[0] / 1e9;
                    switch (run.variant()) {
                        case "none" -> {
                            baselines.computeIfAbsent(run.subject().java(), k -> new ArrayList<>()).add(seconds);
                            subjects.stream().filter(s -> s.java().equals(run.subject().java()))
                                    .forEach(s -> results.value(none, s.id(), seconds));
                        }
                        case "extension" -> {
                            results.value(extension, id, seconds);
                            perTestExtension.computeIfAbsent(id, k -> new ArrayList<>()).add(outcome[0] / outcome[1]);
                            results.value(medianExtension, id, outcome[4] / 1e6);
                        }
                        case "shared" -> {
                            results.value(shared, id, seconds);
                            results.value(medianShared, id, outcome[4] / 1e6);
                            if (outcome[1] < SuiteMain.TESTS) {
                                results.note(shared, id, String.format(Locale.ROOT, "only %.0f tests ran within the %d s bound",
                                        outcome[1], settings.suiteMillis() / 1000));
                            }
                        }
                        default -> {
                            results.value(fresh, id, seconds);
                            perTestFresh.computeIfAbsent(id, k -> new ArrayList<>()).add(outcome[0] / outcome[1]);
                            results.value(medianTest, id, outcome[4] / 1e6);
                            if (outcome[1] < SuiteMain.TESTS) {
                                results.note(fresh, id, String.format(Locale.ROOT, "only %.0f tests ran within the %d s bound",
                                        outcome[1], settings.suiteMillis() / 1000));
                            }
                        }
                    }
                    if (outcome[3] > 0) {
                        Row row = switch (run.variant()) {
                            case "fresh" -> fresh;
                            case "extension" -> extension;
                            case "shared" -> shared;
                            default -> none;
                        };
                        results.note(row, id, String.format(Locale.ROOT, "%.0f failed", outcome[3]));
                    }
                } catch (Exception e) {
                    results.note(fresh, run.subject().id(), run.variant() + " failed: " + Load.describe(e));
                }
                BenchmarkLog.progress("suite " + run.variant() + " " + run.subject().id() + " [round " + (round + 1) + "] "
                        + (System.nanoTime() - start) / 1_000_000 + " ms");
            }
        }
        for (Subject subject : subjects) {
            List<Double> base = baselines.get(subject.java());
            costPerTest(cost, subject, base, perTestFresh.get(subject.id()));
            costPerTest(extensionCost, subject, base, perTestExtension.get(subject.id()));
        }
    }

    /** Median nanoseconds per test of a variant minus the baseline's per test, in milliseconds. */
    private void costPerTest(Row row, Subject subject, List<Double> baselineSeconds, List<Double> perTestNanos) {
        if (baselineSeconds != null && perTestNanos != null) {
            double baseline = Stats.median(baselineSeconds.stream().mapToDouble(Double::doubleValue).toArray());
            double perTest = Stats.median(perTestNanos.stream().mapToDouble(Double::doubleValue).toArray());
            results.value(row, subject.id(), perTest / 1e6 - baseline * 1000 / SuiteMain.TESTS);
        }
    }

    /** Runs one suite in a fresh JVM: {nanos, succeeded, skipped, failed, median test nanos}. */
    private double[] suite(SuiteRun run) throws Exception {
        List<String> jvmArgs = new ArrayList<>(List.of("-Xmx2g", "-XX:+UseG1GC"));
        if (run.subject().kind().equals("fake-smtp-platform")) {
            jvmArgs.add("-Dfakesmtp.threadModel=platform"); // how @SmtpServer gets it, as a user's build would
        }
        try (ForkedJvm fork = ForkedJvm.start(run.subject().java(), run.subject().classPath(), jvmArgs,
                SuiteMain.class.getName(),
                List.of(run.variant(), run.subject().kind(), Long.toString(settings.suiteMillis())), logDir,
                "suite-" + run.variant() + "-" + run.subject().id())) {
            String[] words = fork.await(Duration.ofMillis(settings.suiteMillis() + 60_000)).substring(3).split(" ");
            return new double[] {Double.parseDouble(words[0]), Double.parseDouble(words[1]),
                Double.parseDouble(words[2]), Double.parseDouble(words[3]), Double.parseDouble(words[4])};
        }
    }
}
