package dev.fakesmtp.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;

/**
 * A byte-level SMTP client for the robustness tests: writes exact bytes, reads whole replies,
 * can layer TLS over the connection after STARTTLS, and can "cut" the connection (FIN under
 * any TLS layer) and then wait until the server has closed its side. Reads time out after 10 s.
 */
final class Wire implements AutoCloseable {

    /** Generous, for a loaded CI machine; a test that hits it has found a server that hangs. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Socket raw;
    private InputStream in;
    private OutputStream out;

    private Wire(Socket raw) throws IOException {
        this.raw = raw;
        raw.setSoTimeout((int) TIMEOUT.toMillis());
        raw.setTcpNoDelay(true);
        use(raw);
    }

    static Wire connect(FakeSmtpServer server) {
        try {
            return new Wire(new Socket(server.host(), server.port()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void use(Socket socket) throws IOException {
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    Wire write(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Wire write(String text) {
        return write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads one reply and asserts its last line starts with {@code prefix}. */
    List<String> expect(String prefix) {
        List<String> reply = readReply();
        if (reply == null) {
            throw new AssertionError("Expected a reply starting with '" + prefix + "' but the server closed");
        }
        if (!reply.get(reply.size() - 1).startsWith(prefix)) { // no AssertJ here: it runs 10,000s of times
            throw new AssertionError("Expected a reply starting with '" + prefix + "' but got " + reply);
        }
        return reply;
    }

    /** Reads one whole reply (until a line with a space after the code); null at the end of the stream or a reset. */
    List<String> readReply() {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                if (lines.isEmpty()) {
                    return null;
                }
                throw new AssertionError("The server closed in the middle of a reply: " + lines);
            }
            lines.add(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                return lines;
            }
        }
    }

    private String readLine() {
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b; (b = in.read()) >= 0; ) {
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.UTF_8);
                    if (!text.endsWith("\r")) {
                        throw new AssertionError("A reply line ends in a bare LF: " + text);
                    }
                    return text.substring(0, text.length() - 1);
                }
                line.write(b);
            }
            assertThat(line.size()).as("bytes after the last reply line").isZero();
            return null;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("No reply from the server within " + TIMEOUT, e);
        } catch (SocketException e) {
            return null; // a reset: the server closed with our bytes unread, which ends the stream too
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** STARTTLS was answered with 220: runs the handshake, trusting only this server's CA. */
    Wire startTls(FakeSmtpServer server) {
        try {
            SSLSocket tls = (SSLSocket) server.clientTls().socketFactory()
                    .createSocket(raw, server.host(), server.port(), true);
            tls.setUseClientMode(true);
            tls.startHandshake();
            use(tls);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Cuts the connection as a vanishing client does: a TCP FIN under any TLS layer (no QUIT, no
     * close_notify), then reads the raw stream until the server closes its side, which it does
     * only after the session has ended.
     */
    void cutAndAwaitServerClose() {
        try {
            raw.shutdownOutput();
            InputStream rawIn = raw.getInputStream();
            byte[] buffer = new byte[4096];
            while (rawIn.read(buffer) >= 0) {
                // TLS alerts or nothing: drained and ignored
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("The server did not close within " + TIMEOUT + " of the client's FIN", e);
        } catch (SocketException e) {
            // A reset: closed as well
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that the server closes the connection next (a reset counts). */
    void expectClosed() {
        try {
            assertThat(in.read()).as("the server should have closed the connection").isEqualTo(-1);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("The server did not close the connection within " + TIMEOUT, e);
        } catch (IOException e) {
            // A reset also means closed.
        }
    }

    Socket socket() {
        return raw;
    }

    @Override
    public void close() {
        try {
            raw.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
