package dev.fakesmtp.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * A raw SMTP client for exact-protocol tests: send lines or bytes, read replies and assert on
 * them. Every read has a 5 second timeout, so a test never hangs on a server that is silent.
 *
 * <pre>{@code
 * try (SmtpDialogue smtp = SmtpDialogue.connect(server)) {
 *     smtp.expect("220 ");
 *     smtp.send("HELO client").expect("250 ");
 * }
 * }</pre>
 */
public final class SmtpDialogue implements AutoCloseable {

    /** The TLS socket after {@link #startTls}, else the TCP socket. */
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private SmtpDialogue(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects to the server with a 5 second read timeout. */
    public static SmtpDialogue connect(FakeSmtpServer server) {
        return connect(server, server.port());
    }

    /** Connects to {@code port} on the server's host (another port of it, or a relay) with a 5 second read timeout. */
    public static SmtpDialogue connect(FakeSmtpServer server, int port) {
        try {
            Socket socket = new Socket(server.host(), port);
            socket.setSoTimeout(5_000);
            socket.setTcpNoDelay(true);
            return new SmtpDialogue(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Connects to {@code port} (e.g. the implicit-TLS port) and runs the TLS handshake at once,
     * verifying the certificate as {@code "localhost"} with {@code context}'s trust.
     */
    public static SmtpDialogue connectTls(FakeSmtpServer server, int port, SSLContext context) {
        try {
            Socket plain = new Socket(server.host(), port);
            plain.setSoTimeout(5_000);
            plain.setTcpNoDelay(true);
            SmtpDialogue dialogue = new SmtpDialogue(plain);
            dialogue.upgrade(context, "localhost");
            return dialogue;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects and reads the 220 greeting. */
    public static SmtpDialogue greeted(FakeSmtpServer server) {
        SmtpDialogue dialogue = connect(server);
        dialogue.expect("220 ");
        return dialogue;
    }

    /** Connects, reads the greeting and says EHLO, reading the whole EHLO reply. */
    public static SmtpDialogue afterEhlo(FakeSmtpServer server) {
        SmtpDialogue dialogue = greeted(server);
        dialogue.send("EHLO client.test").expect("250 ");
        return dialogue;
    }

    /** Sends one line; CRLF is appended. */
    public SmtpDialogue send(String line) {
        return sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends bytes exactly as given. */
    public SmtpDialogue sendRaw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends text exactly as given (no CRLF appended), as UTF-8. */
    public SmtpDialogue sendRaw(String text) {
        return sendRaw(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads one complete reply (all its lines) and asserts that its last line starts with
     * {@code prefix}; returns all its lines.
     */
    public List<String> expect(String prefix) {
        List<String> reply = readReply();
        assertThat(reply.get(reply.size() - 1)).as("reply %s", reply).startsWith(prefix);
        return reply;
    }

    /** Reads one complete reply: lines until one with a space (or nothing) after the code. */
    public List<String> readReply() {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                throw new AssertionError("The server closed the connection; reply so far: " + lines);
            }
            lines.add(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                return lines;
            }
        }
    }

    /** Reads one line without CRLF, or null at the end of the stream. */
    public String readLine() {
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    assertThat(bytes.length).as("a reply line ends in CRLF").isGreaterThan(0);
                    assertThat(bytes[bytes.length - 1]).as("a reply line ends in CRLF").isEqualTo((byte) '\r');
                    return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
                }
                line.write(b);
            }
            return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("No reply from the server within 5 seconds", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that the server closes the connection (after any replies already read). */
    public void expectClosed() {
        try {
            int b = in.read();
            assertThat(b).as("the server should have closed the connection").isEqualTo(-1);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("The server did not close the connection within 5 seconds", e);
        } catch (IOException e) {
            // A reset also means closed.
        }
    }

    /**
     * Layers TLS over the connection (after the server's {@code 220} to STARTTLS) and runs the
     * handshake, verifying the certificate chain with {@code context} and the host name as
     * {@code "localhost"} (HTTPS rules). Later reads and writes go through TLS.
     */
    public SmtpDialogue startTls(SSLContext context) {
        return startTls(context, "localhost");
    }

    /** Like {@link #startTls(SSLContext)}, verifying the certificate for {@code expectedHost}. */
    public SmtpDialogue startTls(SSLContext context, String expectedHost) {
        try {
            upgrade(context, expectedHost);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void upgrade(SSLContext context, String expectedHost) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, expectedHost, socket.getPort(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(parameters);
        tls.setSoTimeout(5_000);
        tls.startHandshake();
        socket = tls;
        in = tls.getInputStream();
        out = tls.getOutputStream();
    }

    /** The negotiated TLS session; fails if the connection is in clear text. */
    public SSLSession tlsSession() {
        assertThat(socket).as("the dialogue is in TLS").isInstanceOf(SSLSocket.class);
        return ((SSLSocket) socket).getSession();
    }

    /** The underlying socket, for tests that need to shut it down in special ways. */
    public Socket socket() {
        return socket;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
