package dev.fakesmtp.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay between one client and the server that keeps every byte the server sent, so a
 * test can see the TLS records on the wire: with TLS 1.2 a record's type (alert, application
 * data) is in clear text in its header even though its content is encrypted.
 */
final class TlsRecordRelay implements AutoCloseable {

    /** TLS record types (RFC 5246 §6.2.1). */
    static final int ALERT = 21;
    static final int APPLICATION_DATA = 23;

    private final ServerSocket listening;
    private final ByteArrayOutputStream fromServer = new ByteArrayOutputStream();
    private final CountDownLatch serverClosed = new CountDownLatch(1);
    private final List<Socket> sockets = new ArrayList<>();

    private TlsRecordRelay(ServerSocket listening, String host, int port) {
        this.listening = listening;
        Thread acceptor = new Thread(() -> relay(host, port), "tls-record-relay-" + listening.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A relay on a free loopback port to {@code host:port}, for one connection. */
    static TlsRecordRelay to(String host, int port) {
        try {
            return new TlsRecordRelay(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()), host, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return listening.getLocalPort();
    }

    private void relay(String host, int port) {
        try {
            Socket client = listening.accept();
            Socket server = new Socket(host, port);
            synchronized (sockets) {
                sockets.add(client);
                sockets.add(server);
            }
            Thread up = new Thread(() -> pump(client, server, null), "tls-record-relay-up");
            up.setDaemon(true);
            up.start();
            pump(server, client, fromServer);
        } catch (IOException e) {
            // closed by the test
        } finally {
            serverClosed.countDown();
        }
    }

    private static void pump(Socket from, Socket to, ByteArrayOutputStream copy) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int count; (count = in.read(buffer)) >= 0; ) {
                if (copy != null) {
                    synchronized (copy) {
                        copy.write(buffer, 0, count);
                    }
                }
                out.write(buffer, 0, count);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // a reset or the test closed the relay: the stream is over either way
        }
    }

    /**
     * Waits (5 s at most) until the server has closed the connection, then returns the types of
     * the TLS records it sent after the clear-text bytes up to and including {@code clearPrefixEnd}
     * ({@code ""} for implicit TLS, where the records start at the first byte).
     */
    List<Integer> serverRecordTypesAfterClose(String clearPrefixEnd) throws InterruptedException {
        if (!serverClosed.await(5, TimeUnit.SECONDS)) {
            throw new AssertionError("The server did not close the connection within 5 s");
        }
        byte[] bytes;
        synchronized (fromServer) {
            bytes = fromServer.toByteArray();
        }
        int offset = 0;
        if (!clearPrefixEnd.isEmpty()) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int at = text.indexOf(clearPrefixEnd);
            if (at < 0) {
                throw new AssertionError("The server never sent \"" + clearPrefixEnd + "\"");
            }
            offset = at + clearPrefixEnd.length();
        }
        List<Integer> types = new ArrayList<>();
        while (offset + 5 <= bytes.length) {
            types.add(bytes[offset] & 0xFF);
            offset += 5 + (((bytes[offset + 3] & 0xFF) << 8) | (bytes[offset + 4] & 0xFF));
        }
        return types;
    }

    @Override
    public void close() throws IOException {
        listening.close();
        synchronized (sockets) {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
