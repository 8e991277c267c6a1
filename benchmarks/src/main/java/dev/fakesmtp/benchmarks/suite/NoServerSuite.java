package dev.fakesmtp.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.RepeatedTest;

/** The baseline: the same number of tests, with no server and no mail. */
class NoServerSuite {

    @RepeatedTest(SuiteMain.TESTS)
    void doesNothingWithMail() {
        assertTrue(SuiteMain.MESSAGE.rawSize() > 0);
    }
}
