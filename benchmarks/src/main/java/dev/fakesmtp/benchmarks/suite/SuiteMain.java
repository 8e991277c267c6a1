package dev.fakesmtp.benchmarks.suite;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.fakesmtp.benchmarks.driver.Message;
import dev.fakesmtp.benchmarks.subject.ServerUnderTest;
import dev.fakesmtp.benchmarks.subject.SubjectMain;
import jakarta.mail.MessagingException;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The "cost to a test suite" scenario, in a JVM of its own: runs {@value #TESTS} JUnit tests
 * through the Launcher API, as a build tool would, and prints how long the run took.
 * {@code SuiteMain <none|shared|fresh|extension> <subject> <deadlineMillis>}.
 */
public final class SuiteMain {

    /** Tests per run. */
    public static final int TESTS = 1000;

    static final Message MESSAGE = Message.ofSize(2048);

    private SuiteMain() {
    }

    /** Runs one suite variant and prints "@@ OK nanos succeeded skipped failed medianTestNanos". */
    public static void main(String[] args) {
        String variant = args[0];
        System.setProperty("bench.subject", args[1]);
        System.setProperty("bench.deadline", Long.toString(System.nanoTime() + Long.parseLong(args[2]) * 1_000_000L));
        ServerUnderTest.checkEnvironment(args[1]);
        Class<?> suite = switch (variant) {
            case "none" -> NoServerSuite.class;
            case "shared" -> SharedServerSuite.class;
            case "fresh" -> FreshServerSuite.class;
            case "extension" -> ExtensionServerSuite.class;
            default -> throw new IllegalArgumentException("Unknown variant " + variant);
        };
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite)).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        TestDurations durations = new TestDurations();
        long start = System.nanoTime();
        launcher.execute(request, listener, durations);
        long elapsed = System.nanoTime() - start;
        TestExecutionSummary summary = listener.getSummary();
        if (summary.getTotalFailureCount() > 0) {
            summary.getFailures().stream().limit(3).forEach(failure -> failure.getException().printStackTrace());
        }
        System.out.println(SubjectMain.PREFIX + "OK " + elapsed + " " + summary.getTestsSucceededCount() + " "
                + (summary.getTestsSkippedCount() + summary.getTestsAbortedCount()) + " " + summary.getTotalFailureCount()
                + " " + durations.median());
        System.exit(0);
    }

    /** The subject under test in this JVM. */
    static String subject() {
        return System.getProperty("bench.subject");
    }

    /** False once the run's time bound has passed: later tests are skipped. */
    static boolean beforeDeadline() {
        return System.nanoTime() < Long.parseLong(System.getProperty("bench.deadline"));
    }

    /** What each test does with its server: send one message with Angus and wait until it is captured. */
    static void sendOne(ServerUnderTest server, int expected) throws MessagingException {
        AngusSend.send(AngusSend.to(server.port()));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (server.messageCount() < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Expected " + expected + " message(s), got " + server.messageCount());
            }
            Thread.onSpinWait();
        }
    }
}
