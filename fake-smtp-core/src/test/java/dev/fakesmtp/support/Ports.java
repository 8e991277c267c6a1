package dev.fakesmtp.support;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Probes of loopback ports, for tests that check that a closed server let go of its port. */
public final class Ports {

    private Ports() {
    }

    /**
     * Asserts that nothing accepts connections on {@code 127.0.0.1:port}. A TCP self-connect (the
     * kernel gave the probe that very port, which is free, as its own end) counts as nothing. Run
     * it in an {@code @Isolated} class: another test's server may take a freed port at any time.
     */
    public static void assertNothingListensOn(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            if (probe.getLocalPort() == port) {
                return; // TCP self-connect: nothing listens
            }
            throw new AssertionError("Port " + port + " still accepts connections");
        } catch (ConnectException expected) {
            // refused: nothing listens
        } catch (IOException e) {
            throw new AssertionError("Unexpected failure probing port " + port, e);
        }
    }
}
