package dev.fakesmtp.internal;

import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.TranscriptLine.Direction;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Collects replies and writes them in one socket write when the session flushes, which it does
 * when the client's input is drained; so each reply, or each pipelined batch of replies, is one
 * TCP segment. Synchronized because shutdown writes its 421 from another thread.
 */
public final class ReplyWriter {

    private final OutputStream out;
    private final SessionRecord record;
    private final boolean enhancedCodes;
    private byte[] pending = new byte[1024];
    private int length;

    /** A writer to the socket's (unbuffered) stream that logs every line into {@code record}. */
    public ReplyWriter(OutputStream out, SessionRecord record, boolean enhancedCodes) {
        this.out = out;
        this.record = record;
        this.enhancedCodes = enhancedCodes;
    }

    /** Queues a reply; it goes out at the next {@link #flush()}. */
    public void queue(SmtpReply reply) {
        queue(reply, null);
    }

    /** Queues a reply caused by a failure rule, marked so in the transcript. */
    public synchronized void queue(SmtpReply reply, String rule) {
        String rendered = reply.render(enhancedCodes);
        for (String line : rendered.split("\r\n")) {
            record.line(Direction.SERVER, line, rule);
        }
        byte[] bytes = rendered.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (length + bytes.length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, length + bytes.length));
        }
        System.arraycopy(bytes, 0, pending, length, bytes.length);
        length += bytes.length;
    }

    /** Writes every queued reply in one write. */
    public synchronized void flush() throws IOException {
        if (length > 0) {
            int count = length;
            length = 0;
            out.write(pending, 0, count);
            if (pending.length > 64 * 1024) {
                pending = new byte[1024]; // do not keep a large pipelining batch's buffer forever
            }
        }
    }

    /** Queues a reply and flushes at once. */
    public synchronized void send(SmtpReply reply) throws IOException {
        queue(reply);
        flush();
    }
}
