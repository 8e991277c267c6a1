package dev.fakesmtp.testcontainers;

import dev.fakesmtp.FakeSmtpServer;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.testcontainers.containers.GenericContainer;

/**
 * Points Testcontainers containers at an in-process {@link FakeSmtpServer}. The container gets a
 * dependency ({@code dependsOn}) that, each time the container starts and before it is created,
 * starts the server if it is not running yet, works out the {@link SmtpEndpoint} for the
 * container's network and hands it over. So the server may still be unstarted when the container
 * is declared, and it is listening before the container's first line of code runs.
 *
 * <pre>{@code
 * @Container
 * static GenericContainer<?> app = FakeSmtpContainers.sendMailTo(smtp,
 *         new GenericContainer<>("my-app:test").withNetworkMode("host"));  // MAIL_HOST, MAIL_PORT
 * }</pre>
 *
 * The server is never closed here: whoever built it (or {@code @SmtpServer}) closes it.
 */
public final class FakeSmtpContainers {

    private FakeSmtpContainers() {
    }

    /**
     * Sets {@code MAIL_HOST} and {@code MAIL_PORT} in the container's environment when it starts.
     *
     * @param <C> the container's type
     * @param server the server to send to; started here if it is not running
     * @param container the container that sends mail
     * @return the container, for a field initializer
     */
    public static <C extends GenericContainer<?>> C sendMailTo(FakeSmtpServer server, C container) {
        return sendMailTo(server, container, SmtpEndpoint.HOST_VARIABLE, SmtpEndpoint.PORT_VARIABLE);
    }

    /**
     * Sets the host and port in environment variables with your names when the container starts:
     * {@code sendMailTo(smtp, keycloak, "KC_SPI_EMAIL_HOST", "KC_SPI_EMAIL_PORT")}.
     *
     * @param <C> the container's type
     * @param server the server to send to; started here if it is not running
     * @param container the container that sends mail
     * @param hostVariable the name of the variable for the host
     * @param portVariable the name of the variable for the port
     * @return the container, for a field initializer
     */
    public static <C extends GenericContainer<?>> C sendMailTo(FakeSmtpServer server, C container,
            String hostVariable, String portVariable) {
        SmtpEndpoint.checkVariables(hostVariable, portVariable);
        return sendMailTo(server, container,
                (started, endpoint) -> endpoint.environment(hostVariable, portVariable).forEach(started::addEnv));
    }

    /**
     * Calls {@code configure} with the container and its endpoint each time the container starts,
     * before it is created, for anything else: a command line, a configuration file, system properties.
     *
     * <pre>{@code
     * FakeSmtpContainers.sendMailTo(smtp, app, (container, endpoint) ->
     *         container.withCommand("--mail.url=smtp://" + endpoint.hostAndPort()));
     * }</pre>
     *
     * @param <C> the container's type
     * @param server the server to send to; started here if it is not running
     * @param container the container that sends mail
     * @param configure applies the endpoint to the container each time it starts
     * @return the container, for a field initializer
     */
    public static <C extends GenericContainer<?>> C sendMailTo(FakeSmtpServer server, C container,
            BiConsumer<? super C, SmtpEndpoint> configure) {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(configure, "configure");
        container.dependsOn(new ServerDependency<>(server, container, configure));
        return container;
    }
}
