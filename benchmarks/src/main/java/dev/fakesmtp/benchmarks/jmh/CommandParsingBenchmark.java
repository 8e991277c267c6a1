package dev.fakesmtp.benchmarks.jmh;

import dev.fakesmtp.internal.Command;
import dev.fakesmtp.internal.SmtpInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Command parsing as a session does it for one pipelined transaction: read each line from the
 * client's buffer ({@link SmtpInput#readLine}), decode it, split it into verb and argument.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CommandParsingBenchmark {

    private static final byte[] TRANSACTION = ("EHLO client.example.com\r\n"
            + "MAIL FROM:<sender@example.com> SIZE=2048 BODY=8BITMIME\r\n"
            + "RCPT TO:<recipient@example.com>\r\n"
            + "RCPT TO:<second.recipient@example.org> NOTIFY=SUCCESS,FAILURE\r\n"
            + "DATA\r\n"
            + "QUIT\r\n").getBytes(StandardCharsets.US_ASCII);
    private static final int LINES = 6;

    /** Reads and parses the six command lines of one transaction. */
    @Benchmark
    public void readAndParseSixLines(Blackhole sink) throws IOException {
        SmtpInput input = new SmtpInput(new ByteArrayInputStream(TRANSACTION), () -> { });
        for (int i = 0; i < LINES; i++) {
            SmtpInput.CommandLine line = input.readLine(512);
            sink.consume(Command.parse(new String(line.bytes(), StandardCharsets.UTF_8)));
        }
    }

    /** Parses one already-decoded MAIL line (verb lookup and argument split only). */
    @Benchmark
    public Command parseMailLine() {
        return Command.parse("MAIL FROM:<sender@example.com> SIZE=2048 BODY=8BITMIME");
    }
}
