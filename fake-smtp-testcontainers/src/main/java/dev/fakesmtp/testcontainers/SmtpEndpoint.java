package dev.fakesmtp.testcontainers;

import dev.fakesmtp.FakeSmtpServer;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.testcontainers.Testcontainers;
import org.testcontainers.containers.GenericContainer;

/**
 * The host and port a container uses to reach an in-process {@link FakeSmtpServer}, and the
 * {@link Route} that makes the server reachable from there. Get one for a started server:
 *
 * <pre>{@code
 * SmtpEndpoint endpoint = SmtpEndpoint.forContainer(smtp, app);  // app.withNetworkMode("host"): 127.0.0.1
 * endpoint.environment();                                        // {MAIL_HOST=127.0.0.1, MAIL_PORT=41327}
 * }</pre>
 *
 * To configure a container before the server is started, use {@link FakeSmtpContainers#sendMailTo}.
 */
public final class SmtpEndpoint {

    /** The variable {@link #environment()} names the host with. */
    public static final String HOST_VARIABLE = "MAIL_HOST";

    /** The variable {@link #environment()} names the port with. */
    public static final String PORT_VARIABLE = "MAIL_PORT";

    /** The name under which Testcontainers' host-port exposure makes the test's host reachable. */
    public static final String EXPOSED_HOST = GenericContainer.INTERNAL_HOST_HOSTNAME;

    /** How a container reaches the server. */
    public enum Route {
        /**
         * The container shares the host's network ({@code withNetworkMode("host")}, Linux engines):
         * its loopback is the test's loopback, so it connects to the server's own address.
         */
        HOST_NETWORK,
        /**
         * Any other network: Testcontainers forwards the server's port through its sshd container
         * ({@code Testcontainers.exposeHostPorts}) to {@value SmtpEndpoint#EXPOSED_HOST} inside containers.
         */
        EXPOSED_HOST_PORT
    }

    private final String host;
    private final int port;
    private final Route route;

    private SmtpEndpoint(String host, int port, Route route) {
        this.host = host;
        this.port = port;
        this.route = route;
    }

    /**
     * The endpoint for this container: {@link #hostNetwork} when it is in host network mode
     * ({@code withNetworkMode("host")}), otherwise {@link #exposedHostPort}, which exposes the port.
     *
     * @param server a started server
     * @param container the container that will connect
     * @return the endpoint for this container
     * @throws IllegalStateException if the server is not started
     */
    public static SmtpEndpoint forContainer(FakeSmtpServer server, GenericContainer<?> container) {
        Objects.requireNonNull(container, "container");
        return usesHostNetwork(container) ? hostNetwork(server) : exposedHostPort(server);
    }

    /**
     * The endpoint for containers in host network mode: the server's address (127.0.0.1 by
     * default; 127.0.0.1 or ::1 for a server listening on every address) and port.
     *
     * @param server a started server
     * @return the endpoint for containers in host network mode
     * @throws IllegalStateException if the server is not started
     */
    public static SmtpEndpoint hostNetwork(FakeSmtpServer server) {
        InetAddress address = started(server).address().getAddress();
        String host = address.isAnyLocalAddress()
                ? (address instanceof Inet6Address ? "::1" : "127.0.0.1")
                : AddressText.of(address);
        return new SmtpEndpoint(host, server.port(), Route.HOST_NETWORK);
    }

    /**
     * The endpoint for containers in any other network: exposes the server's port with
     * {@code Testcontainers.exposeHostPorts} (which starts Testcontainers' sshd container once per
     * JVM, pulling its image if needed) and returns {@value #EXPOSED_HOST} and that port. The
     * forwarded connections arrive at {@code localhost}, so keep the server on 127.0.0.1 (the default).
     * Call it before the container starts: a running container does not see ports exposed later.
     *
     * @param server a started server
     * @return the endpoint for containers in any other network
     * @throws IllegalStateException if the server is not started
     */
    public static SmtpEndpoint exposedHostPort(FakeSmtpServer server) {
        int port = started(server).port();
        Testcontainers.exposeHostPorts(port);
        return new SmtpEndpoint(EXPOSED_HOST, port, Route.EXPOSED_HOST_PORT);
    }

    /** {@return the host a container connects to, e.g. {@code "127.0.0.1"} or {@value #EXPOSED_HOST}} */
    public String host() {
        return host;
    }

    /** {@return the port a container connects to} */
    public int port() {
        return port;
    }

    /** {@return how the container reaches the server} */
    public Route route() {
        return route;
    }

    /** {@return {@code host:port}, with an IPv6 literal in brackets: {@code "[::1]:41327"}} */
    public String hostAndPort() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** {@return {@code MAIL_HOST} and {@code MAIL_PORT}, for {@code container.withEnv(endpoint.environment())}} */
    public Map<String, String> environment() {
        return environment(HOST_VARIABLE, PORT_VARIABLE);
    }

    /**
     * The host and port as environment variables with your names, e.g.
     * {@code environment("SPRING_MAIL_HOST", "SPRING_MAIL_PORT")}.
     *
     * @param hostVariable the name of the variable for the host
     * @param portVariable the name of the variable for the port
     * @return the two variables, in that order
     */
    public Map<String, String> environment(String hostVariable, String portVariable) {
        checkVariables(hostVariable, portVariable);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(hostVariable, host);
        environment.put(portVariable, String.valueOf(port));
        return Collections.unmodifiableMap(environment);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SmtpEndpoint && ((SmtpEndpoint) other).host.equals(host)
                && ((SmtpEndpoint) other).port == port && ((SmtpEndpoint) other).route == route;
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, route);
    }

    @Override
    public String toString() {
        return "SmtpEndpoint[" + hostAndPort() + " via " + route + "]";
    }

    static boolean usesHostNetwork(GenericContainer<?> container) {
        return "host".equals(container.getNetworkMode());
    }

    private static FakeSmtpServer started(FakeSmtpServer server) {
        Objects.requireNonNull(server, "server");
        if (!server.isRunning()) {
            throw new IllegalStateException("The FakeSmtpServer is not running (" + server + "): start it first,"
                    + " or let FakeSmtpContainers.sendMailTo(server, container) start it when the container starts");
        }
        return server;
    }

    static void checkVariables(String hostVariable, String portVariable) {
        for (String variable : new String[] {hostVariable, portVariable}) {
            Objects.requireNonNull(variable, "variable name");
            if (variable.isEmpty() || variable.contains("=")) {
                throw new IllegalArgumentException("Not an environment variable name: '" + variable + "'");
            }
        }
        if (hostVariable.equals(portVariable)) {
            throw new IllegalArgumentException("The host and port need two variables, not '" + hostVariable + "' twice");
        }
    }
}
