package dev.fakesmtp.internal;

import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.TranscriptLine.Direction;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Collects replies and writes them in one socket write when the session flushes, which it does
 * when the client's input is drained; so each reply, or each pipelined batch of replies, is one
 * TCP segment. Locked because shutdown writes its 421 from another thread; a lock rather than
 * {@code synchronized} so that shutdown can skip a writer that is stuck on a client that does
 * not read, and so a virtual thread blocked in a write does not pin its carrier (Java 21). The
 * lock is the connection's, shared with what else must not interleave with a reply.
 */
public final class ReplyWriter {

    private final ReentrantLock lock;
    private final OutputStream out;
    private final SessionRecord record;
    private final boolean enhancedCodes;
    /** Grows for a long reply (EHLO's); small, because every idle connection holds one. */
    private byte[] pending = new byte[128];
    private int length;

    /** A writer to the socket's (unbuffered) stream that logs every line into {@code record}. */
    public ReplyWriter(OutputStream out, SessionRecord record, boolean enhancedCodes) {
        this(out, record, enhancedCodes, new ReentrantLock());
    }

    /** A writer whose writes hold {@code lock}, which the caller may hold for more than a write. */
    ReplyWriter(OutputStream out, SessionRecord record, boolean enhancedCodes, ReentrantLock lock) {
        this.out = out;
        this.record = record;
        this.enhancedCodes = enhancedCodes;
        this.lock = lock;
    }

    /** Queues a reply; it goes out at the next {@link #flush()}. */
    public void queue(SmtpReply reply) {
        queue(reply, null);
    }

    /** Queues a reply caused by a failure rule, marked so in the transcript. */
    public void queue(SmtpReply reply, String rule) {
        lock.lock();
        try {
            append(reply, rule);
        } finally {
            lock.unlock();
        }
    }

    /** Writes every queued reply in one write. */
    public void flush() throws IOException {
        lock.lock();
        try {
            writePending();
        } finally {
            lock.unlock();
        }
    }

    /** Queues a reply and flushes at once. */
    public void send(SmtpReply reply) throws IOException {
        lock.lock();
        try {
            append(reply, null);
            writePending();
        } finally {
            lock.unlock();
        }
    }

    private void append(SmtpReply reply, String rule) {
        String rendered = reply.render(enhancedCodes);
        int start = 0;
        for (int end = rendered.indexOf("\r\n"); end >= 0; end = rendered.indexOf("\r\n", start)) {
            record.line(Direction.SERVER, rendered.substring(start, end), rule);
            start = end + 2;
        }
        byte[] bytes = rendered.getBytes(StandardCharsets.UTF_8);
        if (length + bytes.length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, length + bytes.length));
        }
        System.arraycopy(bytes, 0, pending, length, bytes.length);
        length += bytes.length;
    }

    private void writePending() throws IOException {
        if (length > 0) {
            int count = length;
            length = 0;
            out.write(pending, 0, count);
            if (pending.length > 64 * 1024) {
                pending = new byte[1024]; // do not keep a large pipelining batch's buffer forever
            }
        }
    }
}
