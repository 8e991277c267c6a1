package dev.fakesmtp.benchmarks.driver;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A test message of a given size, prepared once: the envelope commands and the content on the
 * wire (dot-stuffed, ending in CRLF.CRLF). About one line in 40 starts with a dot, so the
 * servers' dot-unstuffing is exercised.
 */
public final class Message {

    private final int rawSize;
    private final byte[] mail;
    private final byte[] rcpt;
    private final byte[] envelope;
    private final byte[] wire;

    private Message(int rawSize, byte[] wire) {
        this.rawSize = rawSize;
        this.wire = wire;
        this.mail = SmtpClient.bytes("MAIL FROM:<sender@bench.test>\r\n");
        this.rcpt = SmtpClient.bytes("RCPT TO:<recipient@bench.test>\r\n");
        this.envelope = SmtpClient.bytes("MAIL FROM:<sender@bench.test>\r\nRCPT TO:<recipient@bench.test>\r\nDATA\r\n");
    }

    /** A text/plain message of exactly {@code size} bytes after dot-unstuffing (size ≥ 512). */
    public static Message ofSize(int size) {
        StringBuilder raw = new StringBuilder(size + 100);
        raw.append("From: Sender <sender@bench.test>\r\n")
                .append("To: Recipient <recipient@bench.test>\r\n")
                .append("Subject: Benchmark message of ").append(size).append(" bytes\r\n")
                .append("Message-ID: <bench-").append(size).append("@bench.test>\r\n")
                .append("Date: Thu, 26 Nov 2026 12:00:00 +0000\r\n")
                .append("MIME-Version: 1.0\r\n")
                .append("Content-Type: text/plain; charset=us-ascii\r\n")
                .append("\r\n");
        int line = 0;
        while (raw.length() < size) {
            int room = size - raw.length();
            String text = (line % 40 == 39 ? "." : "") + "Line " + line
                    + " of the benchmark body, plain ASCII text that wraps at about seventy-six.";
            line++;
            if (room >= text.length() + 2 + 8) {
                raw.append(text).append("\r\n");
            } else {
                raw.append("x".repeat(Math.max(0, room - 2))).append("\r\n");
            }
        }
        byte[] bytes = raw.toString().getBytes(StandardCharsets.US_ASCII);
        if (bytes.length != size) {
            throw new IllegalStateException("Built " + bytes.length + " bytes, wanted " + size);
        }
        return new Message(size, stuff(bytes));
    }

    private static byte[] stuff(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 64);
        boolean lineStart = true;
        for (byte b : raw) {
            if (lineStart && b == '.') {
                out.write('.');
            }
            out.write(b);
            lineStart = b == '\n';
        }
        out.writeBytes(SmtpClient.bytes(".\r\n"));
        return out.toByteArray();
    }

    /** The size of the content after dot-unstuffing: what a server should capture. */
    public int rawSize() {
        return rawSize;
    }

    byte[] mailCommand() {
        return mail;
    }

    byte[] rcptCommand() {
        return rcpt;
    }

    byte[] envelopeCommands() {
        return envelope;
    }

    byte[] wireContent() {
        return wire;
    }
}
