package dev.fakesmtp.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.Ports;
import dev.fakesmtp.support.SmtpDialogue;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * close() lets go of the port at once: nothing accepts connections on it, and it can be bound
 * again, by anyone, or by a new server that then serves on it.
 */
@Timeout(30)
@Isolated("a port freed by close() must not be taken by another test's server or client before it is probed")
class PortReleaseTest {

    @Test
    void afterCloseNothingListensOnThePortAndItCanBeBoundAgain() throws IOException {
        FakeSmtpServer server = FakeSmtpServer.builder().build().start();
        int port = server.port();
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("QUIT").expect("221 ");
        }
        server.close();

        Ports.assertNothingListensOn(port);
        // The constructor throws a BindException if any socket of the server still holds the port.
        new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1")).close();
    }

    @Test
    void aNewServerListensOnAClosedServersPortAndServesItsOwnClients() {
        FakeSmtpServer first = FakeSmtpServer.builder().hostname("first.test").build().start();
        int port = first.port();
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(first)) {
            smtp.send("QUIT").expect("221 ");
        }
        first.close();
        try (FakeSmtpServer second = FakeSmtpServer.builder().hostname("second.test").port(port).build().start();
             SmtpDialogue smtp = SmtpDialogue.connect(second)) {
            smtp.expect("220 second.test ");
            smtp.send("QUIT").expect("221 ");
        }
    }
}
