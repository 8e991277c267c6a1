package dev.fakesmtp.benchmarks.driver;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A strict raw-socket SMTP client: every reply is read in full (multi-line replies included)
 * and its code checked; commands are pipelined only when the server advertised PIPELINING.
 * Loopback only: it refuses any other address.
 */
public final class SmtpClient implements Closeable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] lineBuffer = new byte[4096];
    private boolean pipelining;

    private SmtpClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 8192);
        this.out = socket.getOutputStream();
    }

    /** Connects to 127.0.0.1:{@code port} without reading the greeting. */
    public static SmtpClient connect(int port, int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(timeoutMillis);
            socket.connect(new InetSocketAddress(Loopback.ADDRESS, port), timeoutMillis);
            return new SmtpClient(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Changes the read timeout. */
    public void timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    /** Reads the 220 greeting. */
    public void greeting() throws IOException {
        expect(220);
    }

    /** EHLO, remembering whether PIPELINING was advertised. */
    public void ehlo() throws IOException {
        write(bytes("EHLO bench.test\r\n"));
        List<String> lines = expect(250);
        pipelining = false;
        for (int i = 1; i < lines.size(); i++) {
            String keyword = lines.get(i).substring(4).trim().toUpperCase(Locale.ROOT);
            if (keyword.equals("PIPELINING")) {
                pipelining = true;
            }
        }
    }

    /** True when the server's EHLO reply advertised PIPELINING (RFC 2920). */
    public boolean pipelining() {
        return pipelining;
    }

    /**
     * One transaction: MAIL, RCPT, DATA, content, end of data. With {@code pipeline} and an
     * advertised PIPELINING, MAIL RCPT DATA go out in one write (DATA ends the group).
     */
    public void send(Message message, boolean pipeline) throws IOException {
        if (pipeline && pipelining) {
            write(message.envelopeCommands());
            expect(250);
            expect(250);
            expect(354);
        } else {
            write(message.mailCommand());
            expect(250);
            write(message.rcptCommand());
            expect(250);
            write(DATA);
            expect(354);
        }
        write(message.wireContent());
        expect(250);
    }

    /** QUIT and its 221. */
    public void quit() throws IOException {
        write(QUIT);
        expect(221);
    }

    /** QUIT, then close, ignoring a server that already went away. */
    public void quitQuietly() {
        try {
            quit();
        } catch (IOException | RuntimeException e) {
            // Closing anyway.
        }
        close();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing to do.
        }
    }

    private static final byte[] DATA = bytes("DATA\r\n");
    private static final byte[] QUIT = bytes("QUIT\r\n");

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private void write(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    /** Reads one complete reply and checks its code; returns its lines. */
    private List<String> expect(int code) throws IOException {
        List<String> lines = new ArrayList<>(1);
        while (true) {
            String line = readLine();
            if (line.length() < 3) {
                throw new SmtpProtocolException("Malformed reply line: '" + line + "'");
            }
            int got = parseCode(line);
            if (got != code) {
                throw new SmtpProtocolException("Expected " + code + " but got: " + line);
            }
            lines.add(line);
            if (line.length() == 3 || line.charAt(3) == ' ') {
                return lines;
            }
            if (line.charAt(3) != '-') {
                throw new SmtpProtocolException("Malformed reply line: '" + line + "'");
            }
        }
    }

    private static int parseCode(String line) {
        int code = 0;
        for (int i = 0; i < 3; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw new SmtpProtocolException("Malformed reply code: '" + line + "'");
            }
            code = code * 10 + (c - '0');
        }
        return code;
    }

    /** A CRLF-terminated line; a bare LF is a protocol error in this strict client. */
    private String readLine() throws IOException {
        int length = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new SmtpProtocolException("Connection closed by the server"
                        + (length > 0 ? " after '" + new String(lineBuffer, 0, length, StandardCharsets.UTF_8) + "'" : ""));
            }
            if (b == '\n') {
                if (length == 0 || lineBuffer[length - 1] != '\r') {
                    throw new SmtpProtocolException("Reply line ended in a bare LF");
                }
                return new String(lineBuffer, 0, length - 1, StandardCharsets.UTF_8);
            }
            if (length == lineBuffer.length) {
                throw new SmtpProtocolException("Reply line too long");
            }
            lineBuffer[length++] = (byte) b;
        }
    }

    /** True when {@code e} is a read timeout (a server that never answered). */
    public static boolean isTimeout(Throwable e) {
        return e instanceof SocketTimeoutException;
    }

    /** A reply the strict client did not accept. */
    public static final class SmtpProtocolException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SmtpProtocolException(String message) {
            super(message);
        }
    }
}
