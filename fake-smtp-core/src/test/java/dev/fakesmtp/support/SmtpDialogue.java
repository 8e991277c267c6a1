package dev.fakesmtp.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * The raw SMTP client of the tests (the one helper for exact-protocol dialogues): send lines or
 * bytes, read whole replies or exact bytes and assert on them, layer TLS after STARTTLS, cut the
 * connection as a vanishing client does. Every read has a timeout (5 seconds unless told), so a
 * test never hangs on a server that is silent. It reads the socket unbuffered, byte by byte, so
 * a test may also read {@link #socket()} directly between replies and miss nothing; a dialogue of
 * thousands of replies reads through a buffer instead ({@link #buffered()}).
 *
 * <pre>{@code
 * try (SmtpDialogue smtp = SmtpDialogue.connect(server)) {
 *     smtp.expect("220 ");
 *     smtp.send("HELO client").expect("250 ");
 * }
 * }</pre>
 */
public final class SmtpDialogue implements AutoCloseable {

    /** The read timeout of {@link #connect(FakeSmtpServer)}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** A read timeout for tests that load the machine on purpose (floods, many clients, slow writers). */
    public static final Duration PATIENT_TIMEOUT = Duration.ofSeconds(10);

    /** The TCP connection, under any TLS layer. */
    private final Socket tcp;
    /** The TLS socket after {@link #startTls}, else the TCP socket. */
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean buffered;

    private SmtpDialogue(Socket socket) throws IOException {
        this.tcp = socket;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects to the server with a 5 second read timeout. */
    public static SmtpDialogue connect(FakeSmtpServer server) {
        return connect(server, DEFAULT_TIMEOUT);
    }

    /**
     * Connects to the server with this read timeout, e.g. a generous one for tests that load the
     * machine (a test that hits it has found a server that hangs).
     */
    public static SmtpDialogue connect(FakeSmtpServer server, Duration readTimeout) {
        return open(server, server.port(), readTimeout);
    }

    /** Connects to {@code port} on the server's host (another port of it, or a relay) with a 5 second read timeout. */
    public static SmtpDialogue connect(FakeSmtpServer server, int port) {
        return open(server, port, DEFAULT_TIMEOUT);
    }

    /**
     * Connects to {@code port} (e.g. the implicit-TLS port) and runs the TLS handshake at once,
     * verifying the certificate as {@code "localhost"} with {@code context}'s trust.
     */
    public static SmtpDialogue connectTls(FakeSmtpServer server, int port, SSLContext context) {
        return open(server, port, DEFAULT_TIMEOUT).startTls(context, "localhost");
    }

    private static SmtpDialogue open(FakeSmtpServer server, int port, Duration readTimeout) {
        try {
            Socket socket = new Socket(server.host(), port);
            socket.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
            socket.setTcpNoDelay(true);
            return new SmtpDialogue(socket);
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

    /**
     * Reads through a buffer from now on: one system call per segment instead of per byte, for
     * dialogues of thousands of replies. Read only through this dialogue then, never {@link #socket()}.
     */
    public SmtpDialogue buffered() {
        buffered = true;
        in = new BufferedInputStream(in);
        return this;
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
        // No AssertJ on this path: robustness tests run it hundreds of thousands of times.
        if (!reply.get(reply.size() - 1).startsWith(prefix)) {
            throw new AssertionError("Expected a reply starting with '" + prefix + "' but got " + reply);
        }
        return reply;
    }

    /** Reads one complete reply: lines until one with a space (or nothing) after the code. */
    public List<String> readReply() {
        List<String> reply = Replies.readReply(in, false, this::readTimeout);
        if (reply == null) {
            throw new AssertionError("The server closed the connection instead of replying");
        }
        return reply;
    }

    /**
     * Reads one complete reply, or returns null when the stream ends (or is reset) before it
     * starts: for clients that read until the server hangs up. A reply cut off in the middle fails.
     */
    public List<String> readReplyOrNull() {
        return Replies.readReply(in, true, this::readTimeout);
    }

    /** Reads one line without CRLF, or null at the end of the stream. */
    public String readLine() {
        return Replies.readLine(in, false, this::readTimeout);
    }

    /** Reads exactly as many bytes as {@code expected} has (UTF-8) and asserts they are those bytes. */
    public void expectBytes(String expected) {
        byte[] want = expected.getBytes(StandardCharsets.UTF_8);
        byte[] got = new byte[want.length];
        try {
            int read = 0;
            for (int count; read < want.length && (count = in.read(got, read, want.length - read)) >= 0; ) {
                read += count;
            }
            assertThat(new String(Arrays.copyOf(got, read), StandardCharsets.UTF_8)).isEqualTo(expected);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("Expected '" + expected + "' but the server sent nothing more within "
                    + readTimeout(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that the next read sees the end of the stream: a FIN, no reply, no reset. */
    public void expectEof() {
        try {
            assertThat(in.read()).as("end of stream, without a reply").isEqualTo(-1);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("The server did not close the connection within " + readTimeout(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One read of one byte with the socket's timeout, its exceptions unchanged: for
     * {@code assertThatThrownBy(smtp::readByte).isInstanceOf(SocketTimeoutException.class)}.
     */
    public int readByte() throws IOException {
        return in.read();
    }

    /** Asserts that the server closes the connection (after any replies already read); a reset counts. */
    public void expectClosed() {
        try {
            int b = in.read();
            assertThat(b).as("the server should have closed the connection").isEqualTo(-1);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("The server did not close the connection within " + readTimeout(), e);
        } catch (IOException e) {
            // A reset also means closed.
        }
    }

    /**
     * Cuts the connection as a vanishing client does: a TCP FIN under any TLS layer (no QUIT, no
     * close_notify), then reads the TCP stream until the server closes its side, which it does
     * only after the session has ended.
     */
    public void cutAndAwaitServerClose() {
        try {
            tcp.shutdownOutput();
            InputStream tcpIn = tcp.getInputStream();
            byte[] buffer = new byte[4096];
            while (tcpIn.read(buffer) >= 0) {
                // TLS alerts or nothing: drained and ignored
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("The server did not close within " + readTimeout() + " of the client's FIN", e);
        } catch (SocketException e) {
            // A reset: closed as well
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** MAIL FROM and RCPT TO for each recipient, each expecting a 250 reply. */
    public SmtpDialogue envelope(String from, String... recipients) {
        send("MAIL FROM:<" + from + ">").expect("250 ");
        for (String recipient : recipients) {
            send("RCPT TO:<" + recipient + ">").expect("250 ");
        }
        return this;
    }

    /** DATA, then a one-line message with this subject and its end of data; the final reply is left to read. */
    public SmtpDialogue data(String subject) {
        send("DATA").expect("354 ");
        return sendRaw("Subject: " + subject + "\r\n\r\nHello.\r\n.\r\n");
    }

    /** The command line {@code AUTH PLAIN <initial response>} for {@code user} and {@code password} (RFC 4616). */
    public static String authPlain(String user, String password) {
        String response = "\0" + user + "\0" + password;
        return "AUTH PLAIN " + Base64.getEncoder().encodeToString(response.getBytes(StandardCharsets.UTF_8));
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
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(tcp, expectedHost, tcp.getPort(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.setSoTimeout(tcp.getSoTimeout());
            tls.startHandshake();
            socket = tls;
            in = buffered ? new BufferedInputStream(tls.getInputStream()) : tls.getInputStream();
            out = tls.getOutputStream();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The negotiated TLS session; fails if the connection is in clear text. */
    public SSLSession tlsSession() {
        assertThat(socket).as("the dialogue is in TLS").isInstanceOf(SSLSocket.class);
        return ((SSLSocket) socket).getSession();
    }

    /** The underlying socket (the TLS one after {@link #startTls}), for tests that need it in special ways. */
    public Socket socket() {
        return socket;
    }

    private Duration readTimeout() {
        try {
            return Duration.ofMillis(socket.getSoTimeout());
        } catch (SocketException e) {
            return DEFAULT_TIMEOUT; // closed: the message only names the timeout
        }
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
