package dev.fakesmtp.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * The client's byte stream with its own buffer. Before it blocks on the socket (the client's
 * input is drained) it runs a hook, which flushes the buffered replies: that is how a pipelined
 * group of commands gets its replies in one write (RFC 2920) while a lone command is answered
 * at once.
 */
public final class SmtpInput {

    private final InputStream in;
    private final BeforeBlocking beforeBlocking;
    /**
     * Starts small, for the thousands of connections that only ever send commands; a read that
     * fills it makes it four times larger, up to 16 KiB, for message content.
     */
    private byte[] buffer = new byte[512];
    private int position;
    private int limit;
    /** Octets read from the socket into the buffer so far. */
    private long filled;

    /** Reads {@code in}, running {@code beforeBlocking} whenever the buffer is empty. */
    public SmtpInput(InputStream in, BeforeBlocking beforeBlocking) {
        this.in = in;
        this.beforeBlocking = beforeBlocking;
    }

    /** True when bytes the client already sent are waiting to be read. */
    public boolean hasBuffered() {
        return position < limit;
    }

    /** How many octets of the stream have been consumed (read, skipped or discarded) so far. */
    public long consumed() {
        return filled - (limit - position);
    }

    /** Drops the bytes already buffered; returns how many there were. */
    public int discardBuffered() {
        int count = limit - position;
        position = limit;
        return count;
    }

    /** The next byte, or -1 at the end of the stream. */
    public int read() throws IOException {
        if (position == limit && !fill(true)) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    /** Reads up to {@code length} bytes into {@code target}; -1 at the end of the stream. */
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == limit && !fill(true)) {
            return -1;
        }
        int count = Math.min(length, limit - position);
        System.arraycopy(buffer, position, target, offset, count);
        position += count;
        return count;
    }

    /**
     * Copies the buffered bytes up to the next CR or LF (not included) into {@code sink} in one
     * bulk copy; fills the buffer first when it is empty. Returns how many were copied (0 when
     * the next byte is CR or LF), or -1 at the end of the stream.
     */
    public int copyUntilLineBreak(ByteSink sink) throws IOException {
        if (position == limit && !fill(true)) {
            return -1;
        }
        int start = position;
        int end = limit;
        byte[] bytes = buffer;
        int i = start;
        while (i < end && bytes[i] != '\r' && bytes[i] != '\n') {
            i++;
        }
        position = i;
        sink.write(bytes, start, i - start);
        return i - start;
    }

    /** Skips exactly {@code count} bytes, or fewer if the stream ends; returns how many were skipped. */
    public long skip(long count) throws IOException {
        long skipped = 0;
        while (skipped < count) {
            if (position == limit && !fill(true)) {
                break;
            }
            int step = (int) Math.min(count - skipped, limit - position);
            position += step;
            skipped += step;
        }
        return skipped;
    }

    /**
     * Reads one command line, ending in LF (a CR before it is dropped). At most {@code maxLength}
     * octets including the line ending are kept; the rest of a longer line is read and discarded,
     * so memory stays bounded. Returns null at the end of the stream.
     */
    public CommandLine readLine(int maxLength) throws IOException {
        if (position == limit && !fill(true)) {
            return null;
        }
        // Almost always the whole line is in the buffer: one copy, and an idle connection holds no
        // line buffer while it waits above.
        byte[] bytes = buffer;
        for (int i = position; i < limit; i++) {
            if (bytes[i] == '\n') {
                long total = i + 1 - position;
                if (total > maxLength) {
                    break;
                }
                boolean crlf = i > position && bytes[i - 1] == '\r';
                byte[] line = java.util.Arrays.copyOfRange(bytes, position, crlf ? i - 1 : i);
                position = i + 1;
                return new CommandLine(line, !crlf, false, total);
            }
        }
        return readLineAcrossReads(maxLength);
    }

    /** {@link #readLine} for a line that does not end in the buffer: byte by byte, across reads. */
    private CommandLine readLineAcrossReads(int maxLength) throws IOException {
        byte[] line = new byte[Math.min(maxLength, 256)];
        int length = 0;
        long total = 0;
        while (true) {
            int b = read();
            if (b < 0) {
                return null; // an unterminated last line is not a command
            }
            total++;
            if (b == '\n') {
                boolean crlf = length > 0 && line[length - 1] == '\r' && total <= maxLength;
                if (crlf) {
                    length--;
                }
                return new CommandLine(java.util.Arrays.copyOf(line, length), !crlf && total <= maxLength,
                        total > maxLength, total);
            }
            if (total < maxLength) {
                if (length == line.length) {
                    line = java.util.Arrays.copyOf(line, Math.min(maxLength, line.length * 2));
                }
                line[length++] = (byte) b;
            }
        }
    }

    /**
     * Reads what the client sends next into the (empty) buffer with the socket's current read
     * timeout, without the hook: for watching a client while the server keeps it waiting.
     * False at the end of the stream.
     */
    boolean fillWithoutHook() throws IOException {
        return fill(false);
    }

    /**
     * Reads into the (empty) buffer, after the hook (the flush) unless {@code hook} is false. The
     * callers call this directly, not through a method more: an idle connection on a virtual
     * thread keeps every frame of its stack while it waits in here.
     */
    private boolean fill(boolean hook) throws IOException {
        if (hook) {
            beforeBlocking.run();
        }
        if (limit == buffer.length && buffer.length < 16 * 1024) {
            buffer = new byte[Math.min(16 * 1024, buffer.length * 4)]; // the last read filled it: grow
        }
        int count = in.read(buffer, 0, buffer.length);
        if (count <= 0) {
            return false;
        }
        position = 0;
        limit = count;
        filled += count;
        return true;
    }

    /** Runs before the input blocks on the socket: flush replies, adjust the read timeout. */
    @FunctionalInterface
    public interface BeforeBlocking {
        /** May throw, e.g. when the session's time is up. */
        void run() throws IOException;
    }

    /**
     * One command line as read.
     *
     * @param bytes the line without its ending (truncated when too long)
     * @param bareLf true when the line ended in LF without CR
     * @param tooLong true when the line was longer than allowed
     * @param octets how many octets the line had on the wire, ending included
     */
    public record CommandLine(byte[] bytes, boolean bareLf, boolean tooLong, long octets) {
    }
}
