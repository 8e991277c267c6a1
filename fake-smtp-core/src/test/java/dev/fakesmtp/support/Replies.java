package dev.fakesmtp.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * How {@link SmtpDialogue} reads replies (RFC 5321 §4.2): lines ending in CRLF, a reply ending
 * at the first line with no hyphen after its code. With {@code toTheEnd} (for clients that read
 * until the server hangs up), a reset ends the stream like a FIN, and a cut-off last line fails.
 */
final class Replies {

    private Replies() {
    }

    /** One complete reply, or null when the stream ends before it starts. */
    static List<String> readReply(InputStream in, boolean toTheEnd, Supplier<Duration> timeout) {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine(in, toTheEnd, timeout);
            if (line == null) {
                if (lines.isEmpty()) {
                    return null;
                }
                throw new AssertionError("The server closed the connection in the middle of a reply: " + lines);
            }
            lines.add(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                return lines;
            }
        }
    }

    /** One line without its CRLF, or null at the end of the stream. */
    static String readLine(InputStream in, boolean toTheEnd, Supplier<Duration> timeout) {
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    if (bytes.length == 0 || bytes[bytes.length - 1] != '\r') {
                        throw new AssertionError("A reply line must end in CRLF, not a bare LF: "
                                + new String(bytes, StandardCharsets.UTF_8));
                    }
                    String text = new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
                    assertRfc5321ReplyLine(bytes, text);
                    return text;
                }
                line.write(b);
            }
            if (toTheEnd && line.size() > 0) {
                throw new AssertionError("Bytes after the last reply line: " + line.toString(StandardCharsets.UTF_8));
            }
            return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("No reply from the server within " + timeout.get(), e);
        } catch (SocketException e) {
            if (toTheEnd) {
                return null; // a reset: the server closed with our bytes unread, which ends the stream too
            }
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What every reply line must be, checked on every line any dialogue reads: at most 512
     * octets with its CRLF (RFC 5321 §4.5.3.1.5), printable US-ASCII or HT (§4.2).
     */
    private static void assertRfc5321ReplyLine(byte[] withCr, String text) {
        if (withCr.length + 1 > 512) {
            throw new AssertionError("The reply line has " + (withCr.length + 1)
                    + " octets with its CRLF, over the 512 of RFC 5321 §4.5.3.1.5: " + text);
        }
        for (int i = 0; i < withCr.length - 1; i++) {
            int octet = withCr[i] & 0xFF;
            if (octet != '\t' && (octet < 0x20 || octet > 0x7E)) {
                throw new AssertionError("The reply line has octet 0x" + Integer.toHexString(octet)
                        + " at " + i + ", not printable US-ASCII (RFC 5321 §4.2): " + text);
            }
        }
    }
}
