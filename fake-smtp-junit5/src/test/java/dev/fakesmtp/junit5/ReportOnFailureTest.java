package dev.fakesmtp.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.AngusMail;
import dev.fakesmtp.support.Fixture;
import dev.fakesmtp.support.Kit;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * {@code @SmtpServer(report = ...)}: a failing test leaves a report of its mail on disk, names it
 * in its failure, and publishes it to JUnit; the report covers only that test's mail.
 */
@Timeout(30)
class ReportOnFailureTest {

    @TempDir
    Path temp;

    @Test
    void aFailingTestLeavesAReportNamedInItsFailureAndPublishedToJUnit() throws IOException {
        EngineExecutionResults results = run(FailsAfterSending.class);

        Throwable failure = Kit.failures(results.testEvents()).get(0);
        Path folder = folder(FailsAfterSending.class, "sendsThenFails");
        Path index = folder.resolve("index.html");
        assertThat(failure).hasMessage("on purpose");
        assertThat(failure.getSuppressed()).singleElement().hasToString("Captured mail: " + index.toUri());
        assertThat(index).exists();
        assertThat(Files.readString(index)).contains("Subject one", "Hello from the test", "The test failed: ",
                "on purpose", "<title>" + FailsAfterSending.class.getName() + " &gt; sendsThenFails(FakeSmtpServer)");
        assertThat(Files.readString(folder.resolve("message-1.eml"), StandardCharsets.UTF_8))
                .contains("Subject: Subject one", "Hello from the test");
        assertThat(reportEntries(results)).contains(index.toUri().toString());
        assertThat(publishedFiles(results)).singleElement().satisfies(published -> {
            assertThat(published.getFileName()).hasToString("fake-smtp-report");
            assertThat(published.resolve("index.html")).hasSameTextualContentAs(index);
            assertThat(published.resolve("message-1.eml")).exists();
        });
    }

    @Test
    void aReportReplacesTheOneBeforeIt() throws IOException {
        Path folder = Files.createDirectories(folder(FailsAfterSending.class, "sendsThenFails"));
        Files.writeString(folder.resolve("message-9.eml"), "from an earlier run");

        run(FailsAfterSending.class);

        assertThat(folder.resolve("message-9.eml")).doesNotExist();
        assertThat(folder.resolve("message-1.eml")).exists();
    }

    @Test
    void aReportThatCannotBeWrittenAddsNoFailureOfItsOwn() throws IOException {
        Path notAFolder = Files.writeString(temp.resolve("a-file"), "in the way");

        EngineExecutionResults results = Kit.run(Map.of(Report.DIRECTORY_PARAMETER, notAFolder.toString()),
                temp.resolve("junit-outputs"), FailsAfterSending.class);

        assertThat(Kit.failures(results.testEvents())).singleElement().satisfies(failure -> {
            assertThat(failure).hasMessage("on purpose");
            assertThat(failure.getSuppressed()).isEmpty();
        });
    }

    @Test
    void aPassingTestGetsNoReportUnlessItAsksAlways() {
        run(Passes.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
        run(PassesAlways.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(folder(Passes.class)).doesNotExist();
        assertThat(folder(PassesAlways.class, "passes").resolve("index.html")).content()
                .contains("The test passed.", "fine");
    }

    @Test
    void neverMeansNeverAndAnAbortedTestIsNoFailure() {
        EngineExecutionResults results = run(NeverAndAborted.class);

        results.testEvents().assertStatistics(stats -> stats.failed(1).aborted(1));
        assertThat(Kit.failures(results.testEvents())).singleElement()
                .satisfies(failure -> assertThat(failure.getSuppressed()).isEmpty());
        assertThat(folder(NeverAndAborted.class)).doesNotExist();
    }

    @Test
    void aSharedServersReportHoldsOnlyTheFailingTestsMail() throws IOException {
        run(SharedServer.class).testEvents().assertStatistics(stats -> stats.succeeded(1).failed(1));

        String index = Files.readString(folder(SharedServer.class, "secondFails")
                .resolve("index.html"));
        assertThat(index).contains("Mail of the second test").doesNotContain("Mail of the first test");
    }

    @Test
    void aViolationFailureGetsTheReportToo() {
        EngineExecutionResults results = run(ViolationFails.class);

        assertThat(Kit.failures(results.testEvents())).singleElement().satisfies(failure -> {
            assertThat(failure.getMessage()).contains("BARE_LF");
            assertThat(failure.getSuppressed()).singleElement().asString().startsWith("Captured mail: file:");
        });
        assertThat(folder(ViolationFails.class, "breaksTheProtocol").resolve("index.html"))
                .content().contains("BARE_LF", "violation");
    }

    @Test
    void eachInvocationOfAParameterizedTestHasItsOwnFolder() {
        run(Parameterized.class).testEvents().assertStatistics(stats -> stats.failed(2));

        Path base = folder(Parameterized.class);
        assertThat(base.resolve("fails-1").resolve("index.html")).content().contains("Mail a");
        assertThat(base.resolve("fails-2").resolve("index.html")).content().contains("Mail b");
    }

    @Test
    void withoutTheParameterReportsGoUnderTarget() {
        Kit.run(FailsInDefaultFolder.class).testEvents().assertStatistics(stats -> stats.failed(1));

        assertThat(Path.of("target", "fake-smtp-reports", FailsInDefaultFolder.class.getName(), "fails", "index.html"))
                .exists();
    }

    @Test
    void webUiOnTheClassGivesThePerTestServerTheViewer() {
        run(WithViewer.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
    }

    @Test
    void webUiOnAFieldWhoseServerHasNoViewerFailsWithTheFix() {
        EngineExecutionResults results = run(ViewerOnPlainField.class);

        assertThat(Kit.failureMessages(results.testEvents())).singleElement().asString()
                .contains("@SmtpServer(webUi = true) field " + ViewerOnPlainField.class.getName() + ".smtp")
                .contains("FakeSmtpServer.builder().webUi()");
    }

    private EngineExecutionResults run(Class<?> fixture) {
        return Kit.run(Map.of(Report.DIRECTORY_PARAMETER, temp.resolve("reports").toString()),
                temp.resolve("junit-outputs"), fixture);
    }

    private Path folder(Class<?> fixture) {
        return temp.resolve("reports").resolve(fixture.getName());
    }

    private Path folder(Class<?> fixture, String method) {
        return folder(fixture).resolve(method);
    }

    private static List<String> reportEntries(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("fake-smtp.report"))
                .filter(value -> value != null).toList();
    }

    private static List<Path> publishedFiles(EngineExecutionResults results) {
        return results.allEvents().stream().filter(event -> event.getType() == EventType.FILE_ENTRY_PUBLISHED)
                .map(Event::getPayload).flatMap(Optional::stream)
                .map(payload -> ((org.junit.platform.engine.reporting.FileEntry) payload).getPath()).toList();
    }

    @Fixture
    @SmtpServer
    static class FailsAfterSending {
        @Test
        void sendsThenFails(FakeSmtpServer smtp) {
            AngusMail.send(smtp, "app@example.com", "bob@example.com", "Subject one", "Hello from the test");
            smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5));
            fail("on purpose");
        }
    }

    @Fixture
    static class Passes {
        @SmtpServer
        FakeSmtpServer smtp = FakeSmtpServer.builder().build();

        @Test
        void passes() {
            AngusMail.send(smtp, "app@example.com", "bob@example.com", "fine", "text");
        }
    }

    @Fixture
    static class PassesAlways {
        @SmtpServer(report = Report.ALWAYS)
        FakeSmtpServer smtp = FakeSmtpServer.builder().build();

        @Test
        void passes() {
            AngusMail.send(smtp, "app@example.com", "bob@example.com", "fine", "text");
        }
    }

    @Fixture
    @SmtpServer(report = Report.NEVER)
    static class NeverAndAborted {
        @Test
        void failsWithoutReport(FakeSmtpServer smtp) {
            AngusMail.send(smtp, "app@example.com", "bob@example.com", "never", "text");
            fail("on purpose");
        }

        @Test
        void aborted(FakeSmtpServer smtp) {
            assumeTrue(false, "not here");
        }
    }

    @Fixture
    @org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
    static class SharedServer {
        @SmtpServer
        static FakeSmtpServer smtp = FakeSmtpServer.builder().build();

        @Test
        void firstPasses() {
            AngusMail.send(smtp, "app@example.com", "bob@example.com", "Mail of the first test", "text");
        }

        @Test
        void secondFails() {
            AngusMail.send(smtp, "app@example.com", "bob@example.com", "Mail of the second test", "text");
            fail("on purpose");
        }
    }

    @Fixture
    static class ViolationFails {
        @SmtpServer(failOnViolations = true)
        FakeSmtpServer smtp = FakeSmtpServer.builder().build();

        @Test
        void breaksTheProtocol() {
            ViolationCheckTest.sendBareLf(smtp);
        }
    }

    @Fixture
    @SmtpServer
    static class Parameterized {
        @ParameterizedTest
        @ValueSource(strings = {"a", "b"})
        void fails(String name, FakeSmtpServer smtp) {
            AngusMail.send(smtp, "app@example.com", "bob@example.com", "Mail " + name, "text");
            fail("on purpose");
        }
    }

    @Fixture
    @SmtpServer
    static class FailsInDefaultFolder {
        @Test
        void fails(FakeSmtpServer smtp) {
            fail("on purpose");
        }
    }

    @Fixture
    @SmtpServer(webUi = true)
    static class WithViewer {
        @Test
        void hasAViewer(FakeSmtpServer smtp) throws IOException {
            URI viewer = smtp.webUiUri().orElseThrow();
            try (var page = viewer.toURL().openStream()) {
                assertThat(new String(page.readAllBytes(), StandardCharsets.UTF_8)).contains("<h1>Mailbox");
            }
        }
    }

    @Fixture
    static class ViewerOnPlainField {
        @SmtpServer(webUi = true)
        FakeSmtpServer smtp = FakeSmtpServer.builder().build();

        @Test
        void neverRuns() {
            fail("the extension should have refused the field");
        }
    }
}
