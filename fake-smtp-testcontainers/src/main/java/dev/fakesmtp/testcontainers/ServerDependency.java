package dev.fakesmtp.testcontainers;

import dev.fakesmtp.FakeSmtpServer;
import java.util.function.BiConsumer;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.lifecycle.Startable;

/**
 * The dependency {@link FakeSmtpContainers} adds to a container. Testcontainers starts a
 * container's dependencies before it creates the container (on 1.21 and 2.0 alike), which is the
 * one moment when the server's port is known and the container's configuration still counts.
 */
final class ServerDependency<C extends GenericContainer<?>> implements Startable {

    private final FakeSmtpServer server;
    private final C container;
    private final BiConsumer<? super C, SmtpEndpoint> configure;

    ServerDependency(FakeSmtpServer server, C container, BiConsumer<? super C, SmtpEndpoint> configure) {
        this.server = server;
        this.container = container;
        this.configure = configure;
    }

    /** Makes sure the server listens, then configures the container with its endpoint. */
    @Override
    public void start() {
        ensureListening();
        configure.accept(container, SmtpEndpoint.forContainer(server, container));
    }

    /** Does nothing: the server outlives the container and is closed by its owner. */
    @Override
    public void stop() {
    }

    private void ensureListening() {
        if (server.isClosed()) {
            // Not the image name: asking a container for it resolves (and may pull) the image.
            throw new IllegalStateException("The FakeSmtpServer that this " + container.getClass().getSimpleName()
                    + " sends mail to was closed before the container started (" + server + "):"
                    + " a server serves the containers started during its life; build a new one");
        }
        if (server.isRunning()) {
            return;
        }
        try {
            server.start();
        } catch (IllegalStateException e) {
            // Another container's dependency started it a moment ago (parallel starts): fine.
            if (!server.isRunning()) {
                throw e;
            }
        }
    }

    @Override
    public String toString() {
        return "FakeSmtpServer dependency (" + server + ")";
    }
}
