package dev.fakesmtp.build.pit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.pitest.classpath.CodeSource;
import org.pitest.coverage.CoverageDatabase;
import org.pitest.coverage.TestInfo;
import org.pitest.mutationtest.build.DefaultTestPrioritiser;
import org.pitest.mutationtest.build.TestPrioritiser;
import org.pitest.mutationtest.build.TestPrioritiserFactory;

/**
 * Bounds what one mutant costs: the covering tests, most focused first (the fewest code blocks
 * covered in all; PIT's fastest-first order among equals), taken round-robin across their test
 * classes (the first of each class, then the second of each, ...), until their measured times add
 * up to the budget ({@code testBudgetMillis} in the plugin configuration; 0 runs them all).
 *
 * <p>Why focused first: every test here runs a real server, so every test covers the session loop
 * and most handlers. Fastest first spent the budget on a hundred quick tests that merely pass
 * through the mutated line (an address's syntax) before the test written for that line (the
 * address grammar's edges, a few MAIL and RCPT commands on one server) was reached: its mutants
 * survived although a test kills them. A test that covers few blocks in all is one written for
 * the code it covers. Round-robin spends the budget on different tests, not on the hundred cases
 * of one parameterized test. A mutant that survives is one no test within the budget kills, so the
 * score is a lower bound.
 */
public final class TestBudgetFactory implements TestPrioritiserFactory {

    /** The plugin configuration key. */
    public static final String BUDGET = "testBudgetMillis";

    @Override
    public TestPrioritiser makeTestPrioritiser(Properties props, CodeSource code, CoverageDatabase coverage) {
        long budget = Long.parseLong(props.getProperty(BUDGET, "0"));
        TestPrioritiser all = new DefaultTestPrioritiser(coverage);
        return budget <= 0 ? all : mutation -> within(focusedFirst(all.assignTests(mutation)), budget);
    }

    /** The tests that cover the fewest blocks first; a stable sort, so PIT's order breaks ties. */
    static List<TestInfo> focusedFirst(List<TestInfo> tests) {
        List<TestInfo> sorted = new ArrayList<>(tests);
        sorted.sort(Comparator.comparingInt(TestInfo::getNumberOfBlocksCovered));
        return sorted;
    }

    /** Round-robin over the test classes, in order, while the times fit the budget; always the first test. */
    static List<TestInfo> within(List<TestInfo> ordered, long budget) {
        Map<String, Deque<TestInfo>> byClass = new LinkedHashMap<>();
        for (TestInfo test : ordered) {
            byClass.computeIfAbsent(testClass(test), key -> new ArrayDeque<>()).add(test);
        }
        List<TestInfo> chosen = new ArrayList<>();
        long spent = 0;
        while (!byClass.isEmpty()) {
            for (Iterator<Deque<TestInfo>> classes = byClass.values().iterator(); classes.hasNext(); ) {
                Deque<TestInfo> tests = classes.next();
                TestInfo next = tests.peekFirst();
                if (!chosen.isEmpty() && spent + next.getTime() > budget) {
                    return chosen;
                }
                chosen.add(tests.removeFirst());
                spent += next.getTime();
                if (tests.isEmpty()) {
                    classes.remove();
                }
            }
        }
        return chosen;
    }

    private static String testClass(TestInfo test) {
        return TestInfo.toDefiningClassName().apply(test).asJavaName();
    }

    @Override
    public String description() {
        return "Covering tests most focused first, within a time budget per mutant (" + BUDGET + ")";
    }
}
