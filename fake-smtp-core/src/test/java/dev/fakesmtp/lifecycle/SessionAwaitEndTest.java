package dev.fakesmtp.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.Violation;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link SmtpSession#awaitEnd} makes the end of a session something a test can wait for. */
@Timeout(10)
class SessionAwaitEndTest {

    @Test
    void returnsHowTheSessionEndedOnceTheClientIsGone() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send("NOOP").expect("250 ");
            }
            SmtpSession session = server.sessions().get(0);
            assertThat(session.awaitEnd(Duration.ofSeconds(5))).isEqualTo(SessionEnd.CLIENT_DISCONNECTED);
            assertThat(session.violations()).extracting(Violation::type).containsExactly(Violation.Type.NO_QUIT);
            assertThat(session.endedAt()).isPresent();
        }
    }

    @Test
    void failsWithTheTranscriptWhenTheSessionStaysOpen() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            SmtpSession session = server.sessions().get(0);
            assertThatThrownBy(() -> session.awaitEnd(Duration.ofMillis(100)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("is still open after PT0.1S")
                    .hasMessageContaining("C: EHLO client.test");
            smtp.send("QUIT").expect("221 ");
            assertThat(session.awaitEnd(Duration.ofSeconds(5))).isEqualTo(SessionEnd.QUIT);
        }
    }

    @Test
    void isClosedTellsAClosedServerFromANewOne() {
        FakeSmtpServer server = FakeSmtpServer.builder().build();
        assertThat(server.isClosed()).isFalse();
        server.start().close();
        assertThat(server.isClosed()).isTrue();
        assertThat(server.isRunning()).isFalse();
    }
}
