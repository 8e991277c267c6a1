package dev.fakesmtp.benchmarks.jmh;

import dev.fakesmtp.TranscriptLine.Direction;
import dev.fakesmtp.internal.SessionRecord;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The transcript as a session writes it for every message: the head of the content (the first
 * 4 KiB, the default {@code transcriptDataLimit}) as client lines, and the command lines. The
 * transcript is bounded (1 MiB, 10,000 lines), so the steady state includes dropping old lines.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TranscriptBenchmark {

    private static final int TRANSCRIPT_DATA_LIMIT = 4096;

    private byte[] content;
    private SessionRecord record;

    /** A 10 KB text message and a fresh session record per trial. */
    @Setup
    public void setUp() {
        StringBuilder text = new StringBuilder("From: a@example.com\r\nTo: b@example.com\r\nSubject: benchmark\r\n\r\n");
        for (int line = 0; text.length() < 10 * 1024; line++) {
            text.append("Line ").append(line).append(" of the benchmark body, plain ASCII text that wraps at about")
                    .append(" seventy-six.\r\n");
        }
        content = text.toString().getBytes(StandardCharsets.US_ASCII);
        record = new SessionRecord("s1", new InetSocketAddress("127.0.0.1", 40000), 10_000);
    }

    /** One message's content into the transcript (about 55 lines of its head, and the elision note). */
    @Benchmark
    public void messageContent() {
        record.content(content, TRANSCRIPT_DATA_LIMIT);
    }

    /** One command line into the transcript. */
    @Benchmark
    public void commandLine() {
        record.line(Direction.CLIENT, "RCPT TO:<recipient@example.com>");
    }
}
