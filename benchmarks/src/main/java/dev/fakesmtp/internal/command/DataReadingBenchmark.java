package dev.fakesmtp.internal.command;

import dev.fakesmtp.internal.ByteSink;
import dev.fakesmtp.internal.SmtpInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * DATA reading with dot-unstuffing and the content check, as DataHandler does: {@code DataReader}
 * from the client's buffer into the message sink, then {@code ContentCheck.scan} over the
 * captured bytes (the check DATA and BDAT share). It lives in their package (on the class path,
 * a split package), because both are package-private.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DataReadingBenchmark {

    /** Message size in bytes. */
    @Param({"2048", "102400"})
    public int size;

    private byte[] wire;

    /** A text message of {@code size} bytes, one line in 40 dot-stuffed, ending in CRLF.CRLF. */
    @Setup
    public void setUp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 4096);
        byte[] header = "From: a@example.com\r\nTo: b@example.com\r\nSubject: benchmark\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(header);
        int line = 0;
        while (out.size() < size) {
            String text = (line % 40 == 39 ? ".." : "") + "Line " + line++
                    + " of the benchmark body, plain ASCII text that wraps at about seventy-six.\r\n";
            out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(".\r\n".getBytes(StandardCharsets.US_ASCII));
        wire = out.toByteArray();
    }

    /** Reads one message up to CRLF.CRLF, checks it, and returns what the check found. */
    @Benchmark
    public ContentCheck.Findings readMessage() throws IOException {
        SmtpInput input = new SmtpInput(new ByteArrayInputStream(wire), () -> { });
        ByteSink sink = new ByteSink(32 * 1024 * 1024);
        new DataReader().read(input, sink);
        return ContentCheck.scan(sink.toByteArray(), 1000);
    }
}
