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
import dev.fakesmtp.support.Fixture;


import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@code @SmtpFailureMatrix}: one run per selected case, each with the case applied to a fresh
 * (or reset, or borrowed) server and injected; cases a server cannot have skipped with the
 * reason; parallel runs and nested classes. {@link FailureMatrixReportTest} covers the report.
 */
@Timeout(60)
class FailureMatrixTest {

    @TempDir
    Path reports;

    @Test
    void runsOncePerSelectedCaseNamedAfterItWithAFreshServerEachTime() {
        EngineExecutionResults results = MatrixKit.run(reports, FreshServers.class);

        List<FailureCase> permanent = FailureCatalog.of(FailureKind.PERMANENT).stream()
                .filter(failure -> !failure.id().equals("ehlo-502-helo-fallback")).toList();
        assertThat(results.testEvents().started().stream().map(event -> event.getTestDescriptor().getDisplayName()))
                .containsExactlyElementsOf(permanent.stream().map(FailureCase::displayName).toList());
        assertThat(FreshServers.SEEN.keySet()).containsExactlyInAnyOrderElementsOf(permanent);
        assertThat(FreshServers.SEEN.values()).doesNotHaveDuplicates().noneMatch(FakeSmtpServer::isRunning);
    }

    @Test
    void aDeclaredServerIsResetBeforeEachCaseAndHasOnlyThatCasesRules() {
        MatrixKit.run(reports, DeclaredServer.class).testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));

        assertThat(DeclaredServer.RULES).hasSize(3).allSatisfy(rules -> assertThat(rules).hasSize(1));
        assertThat(DeclaredServer.smtp.isRunning()).isFalse();
    }

    @Test
    void casesTheServerCannotHaveAreSkippedWithTheReason() {
        EngineExecutionResults results = MatrixKit.run(reports, TlsOnAPlainServer.class);

        results.testEvents().assertStatistics(stats -> stats.started(3).aborted(3));
        assertThat(MatrixKit.abortMessages(results)).containsExactlyInAnyOrder(
                "Skipped starttls-454-tls-unavailable: the server does not offer STARTTLS (build it with startTls()"
                        + " or requireTls())",
                "Skipped starttls-handshake-failure: the server's main port has no TLS (build it with startTls(),"
                        + " requireTls() or implicitTls())",
                "Skipped starttls-not-offered: the server does not offer STARTTLS (build it with startTls() or"
                        + " requireTls())");
        assertThat(MatrixKit.summary(results)).isEqualTo("client handled 0 of 0 failure cases; skipped: "
                + "starttls-454-tls-unavailable, starttls-handshake-failure, starttls-not-offered");
    }

    @Test
    void withTheServerConfiguredForTlsTheTlsCasesRun() {
        MatrixKit.run(reports, TlsServer.class).testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
    }

    @Test
    void runsInParallelEachWithItsOwnServer() {
        EngineExecutionResults results = MatrixKit.engine(reports)
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .selectors(selectClass(Parallel.class)).execute();

        int cases = FailureCatalog.of(FailureKind.TRANSIENT, FailureKind.CONNECTION).size();
        results.testEvents().assertStatistics(stats -> stats.started(cases).failed(0));
        assertThat(MatrixKit.summary(results)).startsWith("client handled " + (cases - 2) + " of " + (cases - 2) + " failure cases;"
                + " not reached: rcpt-452-too-many-recipients");
    }

    @Test
    void worksInNestedClassesWithTheEnclosingClassesServer() {
        MatrixKit.run(reports, Outer.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(Outer.SEEN).hasSize(2).containsOnly(Outer.smtp);
    }

    @Test
    void runsInEachInvocationOfAClassTemplateWithAReportEach() {
        MatrixKit.run(reports, Templated.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(Templated.SEEN).containsExactlyInAnyOrder("first", "second");
        String report = Templated.class.getName() + ".copes";
        assertThat(reports.resolve("fake-smtp-failure-matrix")).isDirectoryContaining("glob:**/" + report + "-1.md")
                .isDirectoryContaining("glob:**/" + report + "-2.md");
    }

    @Test
    void aRunningServerHeldInAPlainFieldIsBorrowedResetAndNotClosed() {
        try (FakeSmtpServer held = FakeSmtpServer.builder().build().start()) {
            HeldServer.smtp = held;
            held.mailbox().clear();
            MatrixKit.run(reports, HeldServer.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

            assertThat(held.isRunning()).isTrue();
            assertThat(held.rules()).extracting(Rule::description).singleElement().asString()
                    .contains("(mail-451-local-error)");
        } finally {
            HeldServer.smtp = null;
        }
    }

    @Test
    void unknownIdsAreAConfigurationErrorThatListsTheIds() {
        EngineExecutionResults results = MatrixKit.run(reports, UnknownId.class);

        assertThat(MatrixKit.failureMessages(results)).singleElement().asString()
                .contains("@SmtpFailureMatrix on " + UnknownId.class.getName() + ".copes() names unknown failure cases"
                        + " [rcpt-550-no-such-user]")
                .contains("rcpt-550-user-unknown");
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

        @Nested
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
    @ParameterizedClass
    @ValueSource(strings = {"first", "second"})
    static class Templated {
        static final List<String> SEEN = new CopyOnWriteArrayList<>();

        @SmtpServer
        static FakeSmtpServer smtp = FakeSmtpServer.builder().build();

        private final String name;

        Templated(String name) {
            this.name = name;
        }

        @SmtpFailureMatrix(include = "dot-451-temporarily-rejected")
        void copes(Mailbox mailbox) {
            SEEN.add(name);
            MatrixClient.send(smtp, false, "alice@example.com");
            assertThat(mailbox.messagesTo("alice@example.com")).hasSize(1);
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
