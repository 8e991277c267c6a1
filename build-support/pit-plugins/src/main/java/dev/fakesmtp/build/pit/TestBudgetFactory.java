package dev.fakesmtp.build.pit;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.pitest.classpath.CodeSource;
import org.pitest.coverage.CoverageDatabase;
import org.pitest.coverage.TestInfo;
import org.pitest.mutationtest.build.DefaultTestPrioritiser;
import org.pitest.mutationtest.build.TestPrioritiser;
import org.pitest.mutationtest.build.TestPrioritiserFactory;

/**
 * Bounds what one mutant costs: PIT's own order (fastest covering tests first, those of the
 * mutated class's own test ahead), cut where the tests' measured times add up to the budget
 * ({@code testBudgetMillis} in the plugin configuration; 0 runs them all). A mutant that
 * survives is then one no test within the budget kills, so the score is a lower bound: code
 * that a thousand tests cover (the session loop) would otherwise run all thousand for every
 * mutant that survives.
 */
public final class TestBudgetFactory implements TestPrioritiserFactory {

    /** The plugin configuration key. */
    public static final String BUDGET = "testBudgetMillis";

    @Override
    public TestPrioritiser makeTestPrioritiser(Properties props, CodeSource code, CoverageDatabase coverage) {
        long budget = Long.parseLong(props.getProperty(BUDGET, "0"));
        TestPrioritiser all = new DefaultTestPrioritiser(coverage);
        return budget <= 0 ? all : mutation -> within(all.assignTests(mutation), budget);
    }

    /** The first tests whose times add up to the budget; always the first. */
    static List<TestInfo> within(List<TestInfo> ordered, long budget) {
        List<TestInfo> chosen = new ArrayList<>();
        long spent = 0;
        for (TestInfo test : ordered) {
            if (!chosen.isEmpty() && spent + test.getTime() > budget) {
                break;
            }
            chosen.add(test);
            spent += test.getTime();
        }
        return chosen;
    }

    @Override
    public String description() {
        return "Covering tests fastest first, within a time budget per mutant (" + BUDGET + ")";
    }
}
