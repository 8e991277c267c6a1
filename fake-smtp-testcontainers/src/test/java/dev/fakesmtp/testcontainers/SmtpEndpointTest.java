package dev.fakesmtp.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fakesmtp.FakeSmtpException;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.testcontainers.SmtpEndpoint.Route;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/** The endpoint values; no Docker engine needed (the host-port-exposure route is in {@link ExposedHostPortTest}). */
@Timeout(10)
class SmtpEndpointTest {

    @Test
    void hostNetworkContainersConnectToTheServersLoopbackAddressAndPort() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().build().start()) {
            SmtpEndpoint endpoint = SmtpEndpoint.hostNetwork(smtp);

            assertThat(endpoint.host()).isEqualTo("127.0.0.1");
            assertThat(endpoint.port()).isEqualTo(smtp.port());
            assertThat(endpoint.route()).isEqualTo(Route.HOST_NETWORK);
            assertThat(endpoint.hostAndPort()).isEqualTo("127.0.0.1:" + smtp.port());
            assertThat(endpoint).hasToString("SmtpEndpoint[127.0.0.1:" + smtp.port() + " via HOST_NETWORK]");
        }
    }

    @Test
    void anIpv6LoopbackServerGetsABracketedHostAndPort() {
        FakeSmtpServer smtp = FakeSmtpServer.builder().bindAddress("::1").build();
        try {
            smtp.start();
        } catch (FakeSmtpException e) {
            assumeTrue(false, "no IPv6 loopback on this machine: " + e.getMessage());
        }
        try (smtp) {
            SmtpEndpoint endpoint = SmtpEndpoint.hostNetwork(smtp);

            // The compressed form (RFC 5952), as the Javadoc and README show it and users write it.
            assertThat(endpoint.host()).isEqualTo("::1");
            assertThat(endpoint.hostAndPort()).isEqualTo("[::1]:" + smtp.port());
            assertThat(endpoint).hasToString("SmtpEndpoint[[::1]:" + smtp.port() + " via HOST_NETWORK]");
        }
    }

    @Test
    void forContainerPicksTheHostNetworkRouteForAHostNetworkContainer() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().build().start();
                GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("example/app:1"))
                        .withNetworkMode("host")) {
            assertThat(SmtpEndpoint.forContainer(smtp, container)).isEqualTo(SmtpEndpoint.hostNetwork(smtp));
        }
    }

    @Test
    void environmentNamesHostAndPortInThisOrder() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().build().start()) {
            SmtpEndpoint endpoint = SmtpEndpoint.hostNetwork(smtp);

            assertThat(endpoint.environment()).containsExactly(
                    Map.entry("MAIL_HOST", "127.0.0.1"), Map.entry("MAIL_PORT", String.valueOf(smtp.port())));
            assertThat(endpoint.environment("SPRING_MAIL_HOST", "SPRING_MAIL_PORT")).containsExactly(
                    Map.entry("SPRING_MAIL_HOST", "127.0.0.1"), Map.entry("SPRING_MAIL_PORT", String.valueOf(smtp.port())));
            assertThatThrownBy(() -> endpoint.environment().put("X", "y"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void environmentRefusesNamesThatAreNoVariableNames() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().build().start()) {
            SmtpEndpoint endpoint = SmtpEndpoint.hostNetwork(smtp);

            for (List<String> names : List.of(List.of("HOST", "HOST"), List.of("", "PORT"), List.of("A=B", "PORT"))) {
                assertThatThrownBy(() -> endpoint.environment(names.get(0), names.get(1)))
                        .as("names %s", names).isInstanceOf(IllegalArgumentException.class);
            }
            assertThatThrownBy(() -> endpoint.environment(null, "PORT")).isInstanceOf(NullPointerException.class);
        }
    }

    @Test
    void anUnstartedServerHasNoEndpointYet() {
        FakeSmtpServer smtp = FakeSmtpServer.builder().build();

        assertThatThrownBy(() -> SmtpEndpoint.hostNetwork(smtp))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not running")
                .hasMessageContaining("FakeSmtpContainers.sendMailTo");
        assertThatThrownBy(() -> SmtpEndpoint.exposedHostPort(smtp)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void endpointsAreValues() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().build().start()) {
            assertThat(SmtpEndpoint.hostNetwork(smtp)).isEqualTo(SmtpEndpoint.hostNetwork(smtp))
                    .hasSameHashCodeAs(SmtpEndpoint.hostNetwork(smtp));
        }
    }
}
