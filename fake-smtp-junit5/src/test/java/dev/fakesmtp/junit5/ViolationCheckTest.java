package dev.fakesmtp.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.AngusMail;
import dev.fakesmtp.support.Fixture;
import dev.fakesmtp.support.Kit;
import dev.fakesmtp.support.SmtpDialogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.Events;

/** {@code failOnViolations}: a client that breaks the protocol fails the test, with the transcript. */
@Timeout(10)
class ViolationCheckTest {

    @Test
    void aViolationFailsTheTestAfterItRanAndShowsTheTranscript() {
        Events tests = Kit.run(CheckedField.class).testEvents();

        tests.assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        assertThat(Kit.failures(tests)).singleElement().isExactlyInstanceOf(AssertionError.class)
                .extracting(Throwable::getMessage).asString()
                .startsWith("The SMTP client broke the protocol in 1 session (@SmtpServer(failOnViolations = true)):")
                .contains("'smtp' (field " + CheckedField.class.getName() + ".smtp)")
                .contains("BARE_LF: Command line ended in a bare LF: NOOP")
                .contains("Transcript:\n  S: 220 ")
                .contains("\n  C: NOOP\n")
                .contains("\n  C: QUIT\n");
    }

    @Test
    void withoutTheOptionViolationsAreOnlyRecorded() {
        Kit.run(Unchecked.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void onTheClassTheOptionCoversTheClassesFieldServers() {
        Events tests = Kit.run(CheckedClass.class).testEvents();

        tests.assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(Kit.failureMessages(tests)).singleElement().asString().contains("BARE_LF");
    }

    @Test
    void aFailingTestKeepsItsOwnFailureAndGetsTheViolationsAsSuppressed() {
        Events tests = Kit.run(FailsAnyway.class).testEvents();

        assertThat(Kit.failures(tests)).singleElement().satisfies(failure -> {
            assertThat(failure).hasMessage("the test's own failure");
            // Besides the "Captured mail: file:///..." line of the mail report (ReportOnFailureTest).
            assertThat(failure.getSuppressed()).filteredOn(AssertionError.class::isInstance).singleElement()
                    .extracting(Throwable::getMessage).asString().contains("BARE_LF");
        });
    }

    @Fixture
    static class CheckedField {
        @SmtpServer(failOnViolations = true)
        FakeSmtpServer smtp = FakeSmtpServer.builder().build();

        @Test
        void clientBreaksTheProtocol() {
            sendBareLf(smtp);
        }

        @Test
        void clientBehaves() {
            AngusMail.send(smtp, "a@example.com", "b@example.com", "fine", "text");
        }
    }

    @Fixture
    @SmtpServer
    static class Unchecked {
        @Test
        void clientBreaksTheProtocol(FakeSmtpServer smtp) {
            sendBareLf(smtp);
            assertThat(smtp.sessions()).singleElement().satisfies(session -> assertThat(session.violations()).hasSize(1));
        }
    }

    @Fixture
    @SmtpServer(failOnViolations = true)
    static class CheckedClass {
        @SmtpServer
        static FakeSmtpServer smtp = FakeSmtpServer.builder().build();

        @Test
        void clientBreaksTheProtocol() {
            sendBareLf(smtp);
        }
    }

    @Fixture
    @SmtpServer(failOnViolations = true)
    static class FailsAnyway {
        @Test
        void clientBreaksTheProtocolAndTheTestFails(FakeSmtpServer smtp) {
            sendBareLf(smtp);
            throw new AssertionError("the test's own failure");
        }
    }

    /** A NOOP that ends in a bare LF (a violation), its reply, then a clean QUIT. */
    static void sendBareLf(FakeSmtpServer server) {
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.sendRaw("NOOP\n").expect("250");
            smtp.send("QUIT").expect("221");
        }
    }
}
