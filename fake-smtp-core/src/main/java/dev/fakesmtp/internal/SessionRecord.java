package dev.fakesmtp.internal;

import dev.fakesmtp.Authentication;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.TlsInfo;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.TranscriptLine;
import dev.fakesmtp.TranscriptLine.Direction;
import dev.fakesmtp.Violation;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the server knows of one connection, written by its connection thread and read by tests
 * from any thread. Bounded: the transcript keeps its newest lines within its budget
 * ({@link BoundedTranscript}), violations their first ones.
 */
public final class SessionRecord implements SmtpSession {

    private static final int MAX_VIOLATIONS = 1000;

    private final String id;
    private final InetSocketAddress clientAddress;
    private final Instant startedAt = Instant.now();
    private final BoundedTranscript transcript;
    private final List<Violation> violations = new ArrayList<>();
    private Runnable onEnd;
    private String heloName;
    private SessionEnd end = SessionEnd.OPEN;
    private Instant endedAt;
    private int messageCount;
    private TlsInfo tls;
    private String tlsFailure;
    private Authentication authentication;

    /** A record for a newly accepted connection. */
    public SessionRecord(String id, InetSocketAddress clientAddress, int transcriptLineLimit) {
        this.id = id;
        this.clientAddress = clientAddress;
        this.transcript = new BoundedTranscript(transcriptLineLimit);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public InetSocketAddress clientAddress() {
        return clientAddress;
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public synchronized Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }

    @Override
    public synchronized SessionEnd end() {
        return end;
    }

    @Override
    public synchronized Optional<String> heloName() {
        return Optional.ofNullable(heloName);
    }

    @Override
    public synchronized List<TranscriptLine> transcript() {
        return List.copyOf(transcript.snapshot());
    }

    @Override
    public String transcriptText() {
        return transcript().stream().map(TranscriptLine::toString).collect(Collectors.joining("\n"));
    }

    /** What the transcript costs against the history's budget. */
    synchronized long transcriptCost() {
        return transcript.cost();
    }

    /** Drops the whole transcript, keeping a note that says {@code why}. */
    synchronized void dropTranscript(String why) {
        transcript.dropAll(why);
    }

    /** Runs {@code action} once the session has ended (at once if it has), outside this record's lock. */
    void onEnd(Runnable action) {
        boolean endedAlready;
        synchronized (this) {
            onEnd = action;
            endedAlready = end != SessionEnd.OPEN;
        }
        if (endedAlready) {
            action.run();
        }
    }

    /** The newest {@code count} lines, as text, for failure messages. */
    public String transcriptTail(int count) {
        List<TranscriptLine> lines = transcript();
        return lines.subList(Math.max(0, lines.size() - count), lines.size()).stream()
                .map(line -> "    " + line).collect(Collectors.joining("\n"));
    }

    @Override
    public synchronized List<Violation> violations() {
        return List.copyOf(violations);
    }

    @Override
    public synchronized int messageCount() {
        return messageCount;
    }

    @Override
    public synchronized Optional<TlsInfo> tls() {
        return Optional.ofNullable(tls);
    }

    @Override
    public synchronized Optional<String> tlsFailure() {
        return Optional.ofNullable(tlsFailure);
    }

    @Override
    public synchronized Optional<Authentication> authentication() {
        return Optional.ofNullable(authentication);
    }

    /** Records the negotiated TLS. */
    public synchronized void tls(TlsInfo negotiated) {
        this.tls = negotiated;
    }

    /** Records a failed handshake. */
    public synchronized void tlsFailure(String reason) {
        this.tlsFailure = reason;
    }

    /** Records a successful AUTH, or forgets it (null) when STARTTLS resets the session. */
    public synchronized void authentication(Authentication done) {
        this.authentication = done;
    }

    /** Records a line the client sent or the server wrote. */
    public void line(Direction direction, String text) {
        line(direction, text, null);
    }

    /** Records a line, marked with the rule that caused it (or null). */
    public synchronized void line(Direction direction, String text, String rule) {
        transcript.add(direction, text, rule, BoundedTranscript.nowNanos());
    }

    /**
     * Records the first {@code limit} octets of a message's content as client lines, one per CRLF,
     * then how many octets were left out. The lines keep one copy of those octets, decoded (as
     * UTF-8) only when the transcript is read.
     */
    public synchronized void content(byte[] content, int limit) {
        int shown = Math.min(content.length, limit);
        byte[] head = java.util.Arrays.copyOf(content, shown);
        long now = BoundedTranscript.nowNanos();
        int start = 0;
        int bits = 0; // the OR of the current line's octets: negative when one is not US-ASCII
        for (int i = 0; i + 1 < shown; i++) {
            byte b = head[i];
            if (b == '\r' && head[i + 1] == '\n') {
                transcript.addBytes(head, start, i - start, bits >= 0, now);
                start = i + 2;
                bits = 0;
                i++;
            } else {
                bits |= b;
            }
        }
        if (start < shown) {
            for (int i = Math.max(start, shown - 1); i < shown; i++) {
                bits |= head[i]; // the loop above stops before the last octet
            }
            transcript.addBytes(head, start, shown - start, bits >= 0, now);
        }
        if (content.length > shown) {
            transcript.add(Direction.CLIENT, "... (" + (content.length - shown) + " more octets of message content)",
                    null, now);
        }
    }

    /** Records a protocol violation by the client. */
    public synchronized void violation(Violation.Type type, String detail) {
        if (violations.size() < MAX_VIOLATIONS) {
            violations.add(new Violation(type, detail));
        }
    }

    /** Records the name from EHLO or HELO. */
    public synchronized void helo(String name) {
        this.heloName = name;
    }

    /** Counts a message delivered to the mailbox. */
    public synchronized void messageDelivered() {
        messageCount++;
    }

    /** Records how the session ended; only the first call counts. */
    public void ended(SessionEnd how) {
        Runnable action;
        synchronized (this) {
            if (end != SessionEnd.OPEN) {
                return;
            }
            end = how;
            endedAt = Instant.now();
            notifyAll();
            action = onEnd;
        }
        if (action != null) {
            action.run(); // outside the lock: the history locks itself, then each record
        }
    }

    @Override
    public SessionEnd awaitEnd(java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (end == SessionEnd.OPEN) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    break;
                }
                try {
                    java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for session " + id + " to end", e);
                }
            }
            if (end != SessionEnd.OPEN) {
                return end;
            }
        }
        throw new AssertionError("Session " + id + " is still open after " + timeout + "; its transcript:\n"
                + transcriptTail(30));
    }

    /** True once the session has ended. */
    public synchronized boolean isEnded() {
        return end != SessionEnd.OPEN;
    }

    @Override
    public String toString() {
        return "SmtpSession[" + id + " from " + clientAddress + ", " + end() + "]";
    }
}
