package dev.fakesmtp.benchmarks.jmh;

import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.internal.ReplyWriter;
import dev.fakesmtp.internal.SessionRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reply writing as a session does it: build the reply, queue it (rendering, transcript) and
 * flush it to the socket's stream (here a stream that discards).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ReplyWritingBenchmark {

    private static final List<String> EHLO_LINES = List.of("localhost Hello client.example.com", "8BITMIME",
            "PIPELINING", "ENHANCEDSTATUSCODES", "SIZE 33554432", "SMTPUTF8", "CHUNKING", "BINARYMIME", "DSN",
            "AUTH PLAIN LOGIN CRAM-MD5 XOAUTH2");

    private ReplyWriter writer;

    /** A fresh writer and session record per trial (the record's transcript is bounded). */
    @Setup
    public void setUp() {
        SessionRecord record = new SessionRecord("s1", new InetSocketAddress("127.0.0.1", 40000), 10_000);
        writer = new ReplyWriter(OutputStream.nullOutputStream(), record, true);
    }

    /** One transaction's replies: 250 MAIL, 250 RCPT, 354, 250 queued, flushed once each. */
    @Benchmark
    public void transactionReplies() throws IOException {
        writer.send(SmtpReply.of(250, "2.1.0", "Sender <sender@example.com> OK"));
        writer.send(SmtpReply.of(250, "2.1.5", "Recipient <recipient@example.com> OK"));
        writer.send(SmtpReply.of(354, "", "Start mail input; end with <CRLF>.<CRLF>"));
        writer.send(SmtpReply.of(250, "2.0.0", "OK: queued as s1.1"));
    }

    /** The ten-line EHLO reply. */
    @Benchmark
    public void ehloReply() throws IOException {
        writer.send(SmtpReply.of(250, "", EHLO_LINES));
    }
}
