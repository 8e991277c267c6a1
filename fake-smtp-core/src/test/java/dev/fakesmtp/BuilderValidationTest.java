package dev.fakesmtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad configuration fails in the builder, with a message that says what is wrong. */
class BuilderValidationTest {

    @Test
    void rejectsOutOfRangeNumbers() {
        FakeSmtpServer.Builder builder = FakeSmtpServer.builder();
        assertThatThrownBy(() -> builder.port(-1)).hasMessage("port must be between 0 and 65535, not -1");
        assertThatThrownBy(() -> builder.port(65_536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.maxMessageSize(0)).hasMessageContaining("maxMessageSize");
        assertThatThrownBy(() -> builder.maxRecipients(0)).hasMessageContaining("maxRecipients");
        assertThatThrownBy(() -> builder.maxConnections(0)).hasMessageContaining("maxConnections");
        assertThatThrownBy(() -> builder.maxCommandLineLength(10)).hasMessageContaining("maxCommandLineLength");
        assertThatThrownBy(() -> builder.maxBadCommands(0)).hasMessageContaining("maxBadCommands");
    }

    @Test
    void rejectsNonPositiveDurations() {
        FakeSmtpServer.Builder builder = FakeSmtpServer.builder();
        assertThatThrownBy(() -> builder.idleTimeout(Duration.ZERO)).hasMessageContaining("idleTimeout must be positive");
        assertThatThrownBy(() -> builder.shutdownTimeout(Duration.ofSeconds(-1))).hasMessageContaining("shutdownTimeout");
        assertThatThrownBy(() -> builder.idleTimeout(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void rejectsBadNamesAndAddresses() {
        FakeSmtpServer.Builder builder = FakeSmtpServer.builder();
        assertThatThrownBy(() -> builder.hostname("mail server")).hasMessageContaining("without spaces");
        assertThatThrownBy(() -> builder.hostname("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.user("bob", "Bob")).hasMessageContaining("local@domain");
        assertThatThrownBy(() -> builder.mailingList("team", List.of())).hasMessageContaining("at least one member");
    }

    @Test
    void defaultsAreSafe() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build()) {
            assertThat(server.isRunning()).isFalse();
            assertThat(server.toString()).contains("not started");
            server.start();
            assertThat(server.isRunning()).isTrue();
            assertThat(server.host()).isEqualTo("127.0.0.1");
            assertThat(server.port()).isPositive();
            assertThat(server.hostname()).isEqualTo("localhost");
            assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
        }
    }
}
