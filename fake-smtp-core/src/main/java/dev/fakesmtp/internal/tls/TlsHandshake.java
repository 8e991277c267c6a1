package dev.fakesmtp.internal.tls;

import dev.fakesmtp.TlsInfo;
import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/** Layers server-side TLS over an accepted socket and runs the handshake. */
public final class TlsHandshake {

    private TlsHandshake() {
    }

    /**
     * Wraps {@code socket} (closing the result closes it) and completes the handshake.
     *
     * @throws Failed if the handshake fails; the caller ends the connection
     */
    public static SSLSocket serverSide(Socket socket, TlsSettings settings) throws Failed {
        try {
            SSLSocket tls = (SSLSocket) settings.material().get().serverContext().getSocketFactory()
                    .createSocket(socket, null, socket.getPort(), true);
            tls.setUseClientMode(false);
            tls.setEnabledProtocols(settings.protocols().toArray(String[]::new));
            tls.setSoTimeout(socket.getSoTimeout());
            tls.startHandshake();
            return tls;
        } catch (IOException | IllegalArgumentException e) {
            throw new Failed(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** What a finished handshake negotiated. */
    public static TlsInfo info(SSLSocket socket, boolean implicit) {
        SSLSession session = socket.getSession();
        return new TlsInfo(session.getProtocol(), session.getCipherSuite(), implicit);
    }

    /** A failed handshake; the message says why, for the session record. */
    public static final class Failed extends IOException {
        private static final long serialVersionUID = 1L;

        Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
