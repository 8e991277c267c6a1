package dev.fakesmtp.benchmarks.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Parses the load driver's options, runs the phases and writes the Markdown report. */
public final class Benchmarks {

    private Benchmarks() {
    }

    /**
     * Runs the load driver; returns the exit code. Options: {@code --quick | --full},
     * {@code --subjects=a,b}, {@code --phases=light,idle,retained,suite,tls}, {@code --scenarios=KEY,...}
     * (light scenarios only, e.g. sequential,c64-100k), {@code --out=FILE},
     * {@code --jdk17=HOME}, {@code --jdk25=HOME}, {@code --peer-jdk=17|25},
     * {@code --subject-jvm-arg=ARG} (repeatable; {subject} and {purpose} are replaced),
     * {@code --compare=ID=KIND:JARS} (repeatable: one more subject of a kind, with JARS first on
     * its class path, e.g. a patched core, to compare side by side).
     */
    public static int run(String[] args) throws Exception {
        boolean quick = false;
        List<String> only = null;
        Set<String> phases = Set.of("light", "idle", "retained", "suite", "tls");
        Path out = null;
        Path jdk17 = null;
        Path jdk25 = null;
        String peerJdk = "25";
        List<String> jvmArgs = new ArrayList<>();
        List<String> extraSubjects = new ArrayList<>();
        Set<String> scenarios = Set.of();
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.equals("--full")) {
                quick = false;
            } else if (arg.startsWith("--subjects=")) {
                only = Arrays.asList(value.split(","));
            } else if (arg.startsWith("--phases=")) {
                phases = Set.of(value.split(","));
            } else if (arg.startsWith("--scenarios=")) {
                scenarios = Set.of(value.split(","));
            } else if (arg.startsWith("--out=")) {
                out = Path.of(value);
            } else if (arg.startsWith("--jdk17=")) {
                jdk17 = Path.of(value);
            } else if (arg.startsWith("--jdk25=")) {
                jdk25 = Path.of(value);
            } else if (arg.startsWith("--peer-jdk=")) {
                peerJdk = value;
            } else if (arg.startsWith("--compare=")) {
                extraSubjects.add(value);
            } else if (arg.startsWith("--subject-jvm-arg=")) {
                jvmArgs.add(value);
            } else {
                System.err.println("Unknown option: " + arg + "\nOptions: --quick | --full, --subjects=fake-smtp-vt,"
                        + "fake-smtp-platform,fake-smtp-pt,greenmail,wiser,dumbster, --phases=light,idle,retained,suite,tls, "
                        + "--scenarios=KEY,..., --out=FILE, "
                        + "--jdk17=HOME, --jdk25=HOME, --peer-jdk=17|25, --subject-jvm-arg=ARG, --compare=ID=KIND:JARS; "
                        + "or: jmh [JMH options]");
                return 2;
            }
        }
        Jdks jdks = Jdks.find(jdk17, jdk25);
        List<Subject> subjects = subjects(jdks, peerJdk, only);
        for (String extra : extraSubjects) {
            // ID=KIND:JARS, e.g. patched=fake-smtp-vt:/tmp/core-patched.jar: the same kind on another core.
            String id = extra.substring(0, extra.indexOf('='));
            String kind = extra.substring(extra.indexOf('=') + 1, extra.indexOf(':'));
            String jars = extra.substring(extra.indexOf(':') + 1);
            Path java = kind.equals("fake-smtp-pt") ? jdks.java17() : jdks.java25();
            subjects.add(new Subject(id, kind, id + " (" + kind + ", patched class path)", java, jars));
        }
        Path jarDir = Path.of(Benchmarks.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        if (out == null) {
            out = jarDir.resolve("benchmark-report-" + (quick ? "quick" : "full") + ".md");
        }
        Settings settings = quick ? Settings.quick(subjects, scenarios, jvmArgs, out)
                : Settings.full(subjects, scenarios, jvmArgs, out);
        Path logDir = jarDir.resolve("benchmark-logs");
        BenchmarkLog.progress("mode " + settings.name() + ", subjects " + subjects.stream().map(Subject::id).toList()
                + ", logs in " + logDir);

        Results results = new Results();
        Runner runner = new Runner(settings, results, logDir);
        SeparatePhases separate = new SeparatePhases(settings, results, logDir, runner);
        Instant started = Instant.now();
        MachineLoad load = MachineLoad.start();
        if (phases.contains("light")) {
            runner.run();
        }
        if (phases.contains("idle")) {
            separate.idleConnections();
        }
        if (phases.contains("retained")) {
            separate.retainedHeap();
        }
        if (phases.contains("suite")) {
            separate.testSuiteCost();
        }
        if (phases.contains("tls")) {
            new TlsPhase(settings, results, logDir).run();
        }
        String report = report(settings, results, jdks, args, started, load.describe());
        Files.writeString(out, report);
        System.out.println(report);
        BenchmarkLog.progress("done; report in " + out);
        return 0;
    }

    private static List<Subject> subjects(Jdks jdks, String peerJdk, List<String> only) {
        Path peerJava = peerJdk.equals("17") ? jdks.java17() : jdks.java25();
        List<Subject> all = new ArrayList<>();
        all.add(new Subject("fake-smtp-vt", "fake-smtp (virtual threads, JDK " + jdks.feature25() + ")", jdks.java25()));
        all.add(new Subject("fake-smtp-platform", "fake-smtp (ThreadModel.PLATFORM, JDK " + jdks.feature25() + ")",
                jdks.java25()));
        all.add(new Subject("fake-smtp-pt", "fake-smtp (platform threads, JDK 17)", jdks.java17()));
        String peerSuffix = " (JDK " + (peerJdk.equals("17") ? "17" : jdks.feature25()) + ")";
        all.add(new Subject("greenmail", "GreenMail 2.1.13" + peerSuffix, peerJava));
        all.add(new Subject("wiser", "Wiser (SubEthaSMTP 7.2.2)" + peerSuffix, peerJava));
        all.add(new Subject("dumbster", "Dumbster 1.7.1" + peerSuffix, peerJava));
        List<Subject> chosen = all.stream().filter(s -> only == null || only.contains(s.id())).collect(Collectors.toList());
        if (chosen.removeIf(s -> s.id().equals("dumbster") && !Loopback.privateNetworkNamespace())) {
            BenchmarkLog.progress("Dumbster skipped: it binds every interface, so it runs only inside a private network "
                    + "namespace: unshare --net sh -c 'ip link set lo up && java -jar ...'");
        }
        return chosen;
    }

    private static String report(Settings settings, Results results, Jdks jdks, String[] args, Instant started,
                                 String load) throws IOException, InterruptedException {
        StringBuilder text = new StringBuilder();
        text.append("## Benchmark results (").append(settings.name()).append(" mode, ").append(started).append(")\n\n");
        text.append("Command: `java -jar benchmarks/target/benchmarks.jar ").append(String.join(" ", args)).append("`")
                .append(String.format(Locale.ROOT, " (took %.0f s)%n%n", BenchmarkLog.elapsedSeconds()));
        text.append("Machine: ").append(Machine.describe(jdks)).append("; ").append(load).append("\n\n");
        text.append(Report.table(results, settings.subjects()));
        text.append("\nEach cell: median (p99 where there are per-operation samples) and ×ratio = subject ÷ "
                + "fake-smtp (virtual threads); for /s rows higher is better, for the others lower is better. "
                + settings.rounds() + " interleaved round(s) per light scenario; idle and retained-heap once per subject "
                + "in a fresh JVM; the suite " + settings.suiteRounds() + " round(s).\n");
        return text.toString();
    }
}
