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
        assertThatThrownBy(() -> builder.hostname("mail\u007f")).hasMessageContaining("printable ASCII");
        assertThatThrownBy(() -> builder.hostname("m\u00e4il.example")).hasMessageContaining("printable ASCII");
        assertThatThrownBy(() -> builder.user("bob", "Bob")).hasMessageContaining("local@domain");
        assertThatThrownBy(() -> builder.mailingList("team", List.of())).hasMessageContaining("at least one member");
        assertThatThrownBy(() -> builder.mailingList("team", List.of("alice@example.com", "bob")))
                .hasMessage("Not a mailbox address (local@domain): 'bob'");
    }

    @Test
    void rejectsTlsProtocolsTheJdkLacks() {
        FakeSmtpServer.Builder builder = FakeSmtpServer.builder();
        assertThatThrownBy(builder::tlsProtocols).hasMessageContaining("at least one TLS protocol");
        assertThatThrownBy(() -> builder.tlsProtocols("TLSv1.3", "SSLv2"))
                .hasMessageStartingWith("This JDK does not support TLS protocol 'SSLv2'; it supports [");
    }

    @Test
    void historyLimitsChainAndBuild() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().transcriptLineLimit(10).sessionHistory(1).hostname("mx")
                .build()) {
            assertThat(server.hostname()).isEqualTo("mx");
        }
    }

    @Test
    void acceptsAHostnameOfAnyPrintableAscii() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().hostname("!mx~1.example").build()) {
            assertThat(server.hostname()).isEqualTo("!mx~1.example");
        }
    }

    /**
     * RFC 5321 §4.5.3.2.7: a server SHOULD wait at least 5 minutes for the next command. A
     * shorter default also cuts off a developer who stops at a breakpoint for a minute. The
     * settings are read reflectively: waiting five minutes for a 421 is no test.
     */
    @Test
    void theDefaultIdleTimeoutIsTheFiveMinutesOfRfc5321() throws ReflectiveOperationException {
        java.lang.reflect.Field field = FakeSmtpServer.class.getDeclaredField("settings");
        field.setAccessible(true);
        dev.fakesmtp.internal.ServerSettings settings =
                (dev.fakesmtp.internal.ServerSettings) field.get(FakeSmtpServer.builder().build());
        assertThat(settings.idleTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.maxSessionDuration()).isGreaterThan(settings.idleTimeout());
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
