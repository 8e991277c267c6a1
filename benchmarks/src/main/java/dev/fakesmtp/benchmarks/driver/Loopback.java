package dev.fakesmtp.benchmarks.driver;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/** The only address the benchmarks talk to, and the check that makes Dumbster safe to run. */
public final class Loopback {

    /** 127.0.0.1. */
    public static final InetAddress ADDRESS = InetAddress.getLoopbackAddress();

    private Loopback() {
    }

    /**
     * True when this process sees loopback interfaces only, as inside
     * {@code unshare --net}: a server that binds every interface (Dumbster) is then reachable
     * from this machine's loopback only.
     */
    public static boolean privateNetworkNamespace() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isLoopback()) {
                    return false;
                }
            }
            return true;
        } catch (SocketException e) {
            return false;
        }
    }
}
