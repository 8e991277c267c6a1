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

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private SmtpDialogue(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects to the server with a 5 second read timeout. */
    public static SmtpDialogue connect(FakeSmtpServer server) {
        try {
            Socket socket = new Socket(server.host(), server.port());
            socket.setSoTimeout(5_000);
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
