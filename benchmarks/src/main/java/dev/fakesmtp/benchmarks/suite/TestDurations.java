package dev.fakesmtp.benchmarks.suite;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * The duration of each successful test as JUnit sees it (its {@code @BeforeEach} and
 * {@code @AfterEach} included): the median is robust to the JIT's warm-up and to a noisy machine.
 */
final class TestDurations implements TestExecutionListener {

    private final Map<String, Long> started = new HashMap<>();
    private long[] durations = new long[1024];
    private int count;

    @Override
    public void executionStarted(TestIdentifier test) {
        if (test.isTest()) {
            started.put(test.getUniqueId(), System.nanoTime());
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Long start = started.remove(test.getUniqueId());
        if (start != null && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            if (count == durations.length) {
                durations = Arrays.copyOf(durations, count * 2);
            }
            durations[count++] = System.nanoTime() - start;
        }
    }

    /** The median duration of the successful tests in nanoseconds, 0 when none succeeded. */
    long median() {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(durations, count);
        Arrays.sort(sorted);
        return sorted[count / 2];
    }
}
