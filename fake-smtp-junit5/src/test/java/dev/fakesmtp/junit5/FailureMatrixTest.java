package dev.fakesmtp.junit5;

import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.fakesmtp.FailureCase;
import dev.fakesmtp.FailureCatalog;
import dev.fakesmtp.FailureKind;
import dev.fakesmtp.FailureStage;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.Rule;
import dev.fakesmtp.junit5.support.Fixture;
import dev.fakesmtp.junit5.support.Kit;
import dev.fakesmtp.junit5.support.MatrixClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import java.util.stream.Stream;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.OutputDirectoryProvider;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * {@code @SmtpFailureMatrix}: one run per selected case, each with the case applied to a fresh
 * (or reset) server and injected; cases a server cannot have skipped with the reason; and a
 * report of how the client did, as a report entry and a Markdown file.
 */
@Timeout(60)
class FailureMatrixTest {

    @TempDir
    Path reports;

    @Test
    void runsOncePerSelectedCaseNamedAfterItWithAFreshServerEachTime() {
        EngineExecutionResults results = run(FreshServers.class);

        List<FailureCase> permanent = FailureCatalog.of(FailureKind.PERMANENT).stream()
                .filter(failure -> !failure.id().equals("ehlo-502-helo-fallback")).toList();
        assertThat(results.testEvents().started().stream().map(event -> event.getTestDescriptor().getDisplayName()))
                .containsExactlyElementsOf(permanent.stream().map(FailureCase::displayName).toList());
        assertThat(FreshServers.SEEN.keySet()).containsExactlyInAnyOrderElementsOf(permanent);
        assertThat(FreshServers.SEEN.values()).doesNotHaveDuplicates().noneMatch(FakeSmtpServer::isRunning);
    }

    @Test
    void aDeclaredServerIsResetBeforeEachCaseAndHasOnlyThatCasesRules() {
        run(DeclaredServer.class).testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));

        assertThat(DeclaredServer.RULES).hasSize(3).allSatisfy(rules -> assertThat(rules).hasSize(1));
        assertThat(DeclaredServer.smtp.isRunning()).isFalse();
    }

    @Test
    void casesTheServerCannotHaveAreSkippedWithTheReason() {
        EngineExecutionResults results = run(TlsOnAPlainServer.class);

        results.testEvents().assertStatistics(stats -> stats.started(3).aborted(3));
        assertThat(abortMessages(results)).containsExactlyInAnyOrder(
                "Skipped starttls-454-tls-unavailable: the server does not offer STARTTLS (build it with startTls()"
                        + " or requireTls())",
                "Skipped starttls-handshake-failure: the server's main port has no TLS (build it with startTls(),"
                        + " requireTls() or implicitTls())",
                "Skipped starttls-not-offered: the server does not offer STARTTLS (build it with startTls() or"
                        + " requireTls())");
        assertThat(summary(results)).isEqualTo("client handled 0 of 0 failure cases; skipped: "
                + "starttls-454-tls-unavailable, starttls-handshake-failure, starttls-not-offered");
    }

    @Test
    void withTheServerConfiguredForTlsTheTlsCasesRun() {
        run(TlsServer.class).testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
    }

    @Test
    void aRunWhoseClientNeverMeetsTheFailureIsAbortedAndReportedAsNotReached() {
        EngineExecutionResults results = run(NeverLogsIn.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).aborted(1));
        assertThat(abortMessages(results)).singleElement().asString()
                .isEqualTo("The failure never happened, so this run tested nothing: the client never sent AUTH"
                        + " (does it log in?).");
        assertThat(summary(results)).isEqualTo("client handled 0 of 0 failure cases; not reached: auth-535-credentials-invalid");
    }

    @Test
    void aRunThatFailsBecauseItsFailureNeverHappenedIsNotReachedEither() {
        EngineExecutionResults results = run(ExpectsAFailureThatNeverComes.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).aborted(1).failed(0));
        assertThat(abortMessages(results)).singleElement().asString()
                .startsWith("The failure never happened, so this run tested nothing: the client never sent BDAT (it"
                        + " does not use CHUNKING). The test failed without it: [the mail is refused]");
        assertThat(summary(results)).isEqualTo("client handled 0 of 0 failure cases; not reached: bdat-552-size-exceeded");
    }

    @Test
    void theReportSaysWhichCasesTheClientDidNotHandleAndWhereItWentWrong() throws Exception {
        EngineExecutionResults results = run(RetriesEverything.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        assertThat(summary(results)).isEqualTo("client handled 1 of 2 failure cases; not handled: rcpt-550-user-unknown");
        Path file = reports.resolve("fake-smtp-failure-matrix")
                .resolve(RetriesEverything.class.getName() + ".copes.md");
        assertThat(reportEntries(results)).extracting(entry -> entry.get("fake-smtp-failure-matrix-report"))
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
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter(Fixture.ENABLED, "true")
                .configurationParameter("fakesmtp.failureMatrix.reportDir", reports.toString())
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

    @Test
    void runsInParallelEachWithItsOwnServer() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(Fixture.ENABLED, "true")
                .configurationParameter("fakesmtp.failureMatrix.reportDir", reports.toString())
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .selectors(selectClass(Parallel.class)).execute();

        int cases = FailureCatalog.of(FailureKind.TRANSIENT, FailureKind.CONNECTION).size();
        results.testEvents().assertStatistics(stats -> stats.started(cases).failed(0));
        assertThat(summary(results)).startsWith("client handled " + (cases - 2) + " of " + (cases - 2) + " failure cases;"
                + " not reached: rcpt-452-too-many-recipients");
    }

    @Test
    void worksInNestedClassesWithTheEnclosingClassesServer() {
        run(Outer.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(Outer.SEEN).hasSize(2).containsOnly(Outer.smtp);
    }

    @Test
    void aRunningServerHeldInAPlainFieldIsBorrowedResetAndNotClosed() {
        try (FakeSmtpServer held = FakeSmtpServer.builder().build().start()) {
            HeldServer.smtp = held;
            held.mailbox().clear();
            run(HeldServer.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

            assertThat(held.isRunning()).isTrue();
            assertThat(held.rules()).extracting(Rule::description).singleElement().asString()
                    .contains("(mail-451-local-error)");
        } finally {
            HeldServer.smtp = null;
        }
    }

    @Test
    void unknownIdsAreAConfigurationErrorThatListsTheIds() {
        EngineExecutionResults results = run(UnknownId.class);

        assertThat(results.containerEvents().failed().stream().map(FailureMatrixTest::message))
                .singleElement().asString()
                .contains("@SmtpFailureMatrix on " + UnknownId.class.getName() + ".copes() names unknown failure cases"
                        + " [rcpt-550-no-such-user]")
                .contains("rcpt-550-user-unknown");
    }

    private EngineExecutionResults run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(Fixture.ENABLED, "true")
                .configurationParameter("fakesmtp.failureMatrix.reportDir", reports.toString())
                .selectors(selectClass(fixture)).execute();
    }

    private static List<Map<String, String>> reportEntries(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .filter(entries -> entries.containsKey("fake-smtp-failure-matrix")).toList();
    }

    private static String summary(EngineExecutionResults results) {
        List<Map<String, String>> entries = reportEntries(results);
        assertThat(entries).hasSize(1);
        return entries.get(0).get("fake-smtp-failure-matrix");
    }

    private static List<String> abortMessages(EngineExecutionResults results) {
        return results.testEvents().aborted().stream().map(FailureMatrixTest::message).collect(Collectors.toList());
    }

    private static String message(Event event) {
        return event.getRequiredPayload(TestExecutionResult.class).getThrowable().map(Throwable::getMessage).orElse("");
    }

    @Fixture
    static class FreshServers {
        static final Map<FailureCase, FakeSmtpServer> SEEN = new ConcurrentHashMap<>();

        @SmtpFailureMatrix(kinds = FailureKind.PERMANENT, exclude = "ehlo-502-helo-fallback")
        void copes(FailureCase failure, FakeSmtpServer smtp, Mailbox mailbox) {
            SEEN.put(failure, smtp);
            assertThat(mailbox).isSameAs(smtp.mailbox());
            assertThat(smtp.rules()).isNotEmpty().allSatisfy(rule -> assertThat(rule.description())
                    .contains("(" + failure.id() + ")"));
            MatrixClient.Result result = MatrixClient.send(smtp, false, "alice@example.com", "bob@example.com");
            assertThat(result.attempts()).isEqualTo(1);
        }
    }

    @Fixture
    static class DeclaredServer {
        static final List<List<Rule>> RULES = new CopyOnWriteArrayList<>();

        @SmtpServer
        static FakeSmtpServer smtp = FakeSmtpServer.builder().build();

        @SmtpFailureMatrix(include = {"mail-451-local-error", "rcpt-451-greylisted", "dot-451-temporarily-rejected"})
        void copes(FailureCase failure, Mailbox mailbox) {
            RULES.add(smtp.rules());
            MatrixClient.send(smtp, false, "alice@example.com");
            assertThat(mailbox.messagesTo("alice@example.com")).hasSize(1);
        }
    }

    @Fixture
    @SmtpServer
    static class TlsOnAPlainServer {
        @SmtpFailureMatrix(kinds = FailureKind.TLS)
        void copes(FailureCase failure) {
            throw new AssertionError("never runs: " + failure);
        }
    }

    @Fixture
    static class TlsServer {
        @SmtpServer
        static FakeSmtpServer smtp = FakeSmtpServer.builder().startTls().build();

        @SmtpFailureMatrix(kinds = FailureKind.TLS)
        void copes(FailureCase failure, Mailbox mailbox) {
            assertThat(failure).isOfKind(FailureKind.TLS).expectsRetry();
            MatrixClient.Result result = MatrixClient.send(smtp, false, "alice@example.com");
            assertThat(result.attempts()).isEqualTo(2);
            assertThat(mailbox.messagesTo("alice@example.com")).singleElement()
                    .satisfies(mail -> assertThat(mail.envelope().tls()).isPresent());
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

    @Fixture
    static class Parallel {
        @SmtpFailureMatrix(kinds = {FailureKind.TRANSIENT, FailureKind.CONNECTION})
        void copes(FailureCase failure, Mailbox mailbox, FakeSmtpServer smtp) {
            MatrixClient.send(smtp, false, "alice@example.com");
            if (failure.reaction() == FailureCase.Reaction.RETRY) {
                assertThat(mailbox.messagesTo("alice@example.com")).hasSize(1);
            }
        }
    }

    @Fixture
    static class Outer {
        static final List<FakeSmtpServer> SEEN = new CopyOnWriteArrayList<>();

        @SmtpServer
        static FakeSmtpServer smtp = FakeSmtpServer.builder().build();

        @org.junit.jupiter.api.Nested
        class Inner {
            @SmtpFailureMatrix(stages = FailureStage.MAIL, kinds = FailureKind.TRANSIENT, exclude = "mail-421-closing")
            void copes(FakeSmtpServer server, Mailbox mailbox) {
                SEEN.add(server);
                MatrixClient.send(server, false, "alice@example.com");
                assertThat(mailbox.messagesTo("alice@example.com")).hasSize(1);
            }
        }
    }

    @Fixture
    static class HeldServer {
        static FakeSmtpServer smtp;

        @SmtpFailureMatrix(include = {"mail-451-local-error", "mail-disconnect"}, exclude = "mail-disconnect")
        void copes(FailureCase failure, Mailbox mailbox) {
            assertThat(mailbox).isSameAs(smtp.mailbox());
            assertThat(mailbox.messages()).isEmpty();
            MatrixClient.send(smtp, false, "alice@example.com");
            assertThat(mailbox.messagesTo("alice@example.com")).hasSize(1);
        }

        @SmtpFailureMatrix(include = "mail-451-local-error")
        void again(Mailbox mailbox) {
            assertThat(mailbox.messages()).isEmpty();
            MatrixClient.send(smtp, false, "alice@example.com");
        }
    }

    @Fixture
    @SmtpServer
    static class UnknownId {
        @SmtpFailureMatrix(include = "rcpt-550-no-such-user")
        void copes() {
        }
    }
}
