package dev.fakesmtp.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.Ports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;

/** Closing a context frees its server's port at once: nothing listens on it, and it can be bound again. */
@Timeout(60)
@Isolated("a port freed by the context's close must not be taken by another test's server or client before it is probed")
class ContextClosePortTest {

    @Test
    void closingTheContextFreesTheServersPort() throws IOException {
        PrivateContextCache contexts = new PrivateContextCache(1);
        FakeSmtpServer server;
        int port;
        try {
            server = contexts.load(ContextLifecycleTest.One.class).getBean(FakeSmtpServer.class);
            port = server.port();
            contexts.close(ContextLifecycleTest.One.class);
        } finally {
            contexts.clear();
        }

        assertThat(server.isRunning()).isFalse();
        Ports.assertNothingListensOn(port);
        // The constructor throws a BindException if any socket of the server still holds the port.
        new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1")).close();
    }
}
