package dev.fakesmtp.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.fakesmtp.FailureCase;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.Fixture;


import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.OutputDirectoryProvider;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The failure matrix's report: a summary report entry and a Markdown file with, for each case
 * the client did not handle, where in the transcript it went wrong; runs whose failure never
 * happened are "not reached", whether their test passed or failed.
 */
@Timeout(60)
class FailureMatrixReportTest {

    @TempDir
    Path reports;

    @Test
    void aRunWhoseClientNeverMeetsTheFailureIsAbortedAndReportedAsNotReached() {
        EngineExecutionResults results = MatrixKit.run(reports, NeverLogsIn.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).aborted(1));
        assertThat(MatrixKit.abortMessages(results)).singleElement().asString()
                .isEqualTo("The failure never happened, so this run tested nothing: the client never sent AUTH"
                        + " (does it log in?).");
        assertThat(MatrixKit.summary(results)).isEqualTo("client handled 0 of 0 failure cases; not reached: auth-535-credentials-invalid");
    }

    @Test
    void aRunThatFailsBecauseItsFailureNeverHappenedIsNotReachedEither() {
        EngineExecutionResults results = MatrixKit.run(reports, ExpectsAFailureThatNeverComes.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).aborted(1).failed(0));
        assertThat(MatrixKit.abortMessages(results)).singleElement().asString()
                .startsWith("The failure never happened, so this run tested nothing: the client never sent BDAT (it"
                        + " does not use CHUNKING). The test failed without it: [the mail is refused]");
        assertThat(MatrixKit.summary(results)).isEqualTo("client handled 0 of 0 failure cases; not reached: bdat-552-size-exceeded");
    }

    @Test
    void theReportSaysWhichCasesTheClientDidNotHandleAndWhereItWentWrong() throws Exception {
        EngineExecutionResults results = MatrixKit.run(reports, RetriesEverything.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        assertThat(MatrixKit.summary(results)).isEqualTo("client handled 1 of 2 failure cases; not handled: rcpt-550-user-unknown");
        Path file = reports.resolve("fake-smtp-failure-matrix")
                .resolve(RetriesEverything.class.getName() + ".copes.md");
        assertThat(MatrixKit.reportEntries(results)).extracting(entry -> entry.get("fake-smtp-failure-matrix-report"))
                .containsExactly(file.toAbsolutePath().toString());
        assertThat(Files.readString(file))
                .startsWith("# Failure matrix: RetriesEverything.copes()\n\nclient handled 1 of 2 failure cases;")
                .contains("| `rcpt-451-greylisted` RCPT 451 4.7.1 greylisted [TRANSIENT] | TRANSIENT | handled | ")
                .contains("| `rcpt-550-user-unknown` RCPT 550 5.1.1 user unknown [PERMANENT] | PERMANENT | **not handled** | ")
                .contains("after `S: 550-5.1.1 The email account that you tried to reach does not exist.")
                .contains("the client's next transaction: `C: MAIL FROM:<app@example.com>` (session 2)")
                .contains("the test said: [expected a permanent refusal not to be retried] expected: 1 but was: 3 |");
    }

    // OutputDirectoryProvider is the name both JUnit 5.14 and 6 know; 6 deprecates it for OutputDirectoryCreator.
    @SuppressWarnings({"removal", "deprecation"})
    @Test
    void onJUnit512AndNewerTheReportIsAlsoPublishedToJUnitsOutputDirectory(@TempDir Path junitOutput) throws Exception {
        MatrixKit.engine(reports)
                .outputDirectoryProvider(new OutputDirectoryProvider() {
                    @Override
                    public Path getRootDirectory() {
                        return junitOutput;
                    }

                    @Override
                    public Path createOutputDirectory(TestDescriptor testDescriptor) throws java.io.IOException {
                        return Files.createDirectories(junitOutput.resolve(String.valueOf(testDescriptor.getUniqueId()
                                .getLastSegment().getValue().hashCode())));
                    }
                })
                .selectors(selectClass(NeverLogsIn.class)).execute();

        String name = NeverLogsIn.class.getName() + ".copes.md";
        try (Stream<Path> files = Files.walk(junitOutput)) {
            assertThat(files.filter(file -> file.endsWith(Path.of("fake-smtp-failure-matrix", name))))
                    .singleElement().satisfies(file -> assertThat(Files.readString(file))
                            .isEqualTo(Files.readString(reports.resolve("fake-smtp-failure-matrix").resolve(name))));
        }
    }

    @Fixture
    @SmtpServer
    static class NeverLogsIn {
        @SmtpFailureMatrix(include = "auth-535-credentials-invalid")
        void copes(FakeSmtpServer smtp) {
            MatrixClient.send(smtp, false, "alice@example.com");
        }
    }

    @Fixture
    @SmtpServer
    static class ExpectsAFailureThatNeverComes {
        @SmtpFailureMatrix(include = "bdat-552-size-exceeded")
        void copes(FakeSmtpServer smtp) {
            assertThat(MatrixClient.send(smtp, false, "alice@example.com").delivered()).as("the mail is refused").isEmpty();
        }
    }

    @Fixture
    @SmtpServer
    static class RetriesEverything {
        @SmtpFailureMatrix(include = {"rcpt-451-greylisted", "rcpt-550-user-unknown"})
        void copes(FailureCase failure, FakeSmtpServer smtp) {
            MatrixClient.Result result = MatrixClient.send(smtp, true, "alice@example.com");
            if (failure.reaction() == FailureCase.Reaction.GIVE_UP) {
                assertThat(result.attempts()).as("expected a permanent refusal not to be retried").isEqualTo(1);
            } else {
                assertThat(result.delivered()).containsExactly("alice@example.com");
            }
        }
    }
}
