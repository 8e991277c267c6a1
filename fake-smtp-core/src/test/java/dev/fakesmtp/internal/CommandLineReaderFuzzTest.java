package dev.fakesmtp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fakesmtp.internal.SmtpInput.CommandLine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes how the server cuts command lines ({@link SmtpInput#readLine}) against an oracle: a line
 * ends at LF; a CR right before it is dropped; at most the line limit's octets, line ending
 * included, are kept, and a longer line is reported as too long; an unterminated last line is no
 * line. The reader takes a whole line from its buffer at once when it can and goes byte by byte
 * across reads when it cannot: the input arrives in reads of a fuzzed size, so both ways, and
 * lines across the limit, are taken, and must agree.
 * Without {@code JAZZER_FUZZ} these run the seeds in {@code CommandLineReaderFuzzTestInputs} only.
 */
@Timeout(60)
class CommandLineReaderFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void readLineAgreesWithTheOracle(byte[] input) throws IOException {
        if (input.length < 2) {
            return;
        }
        int maxLength = 2 + (input[0] & 0x3F); // small, so that lines often cross it
        int readSize = input[1] & 0x1F; // 0: everything in one read
        byte[] wire = Arrays.copyOfRange(input, 2, input.length);
        SmtpInput in = new SmtpInput(new Trickle(wire, readSize == 0 ? Integer.MAX_VALUE : readSize), () -> { });
        int start = 0;
        for (int end = indexOf(wire, start); end >= 0; end = indexOf(wire, start)) {
            CommandLine line = in.readLine(maxLength);
            assertThat(line).as("the line at octet %d", start).isNotNull();
            long total = end + 1 - start;
            byte[] kept = Arrays.copyOfRange(wire, start, start + (int) Math.min(end - start, maxLength - 1L));
            boolean crlf = kept.length > 0 && kept[kept.length - 1] == '\r' && total <= maxLength;
            assertThat(line.bytes()).as("the bytes of the line at octet %d", start)
                    .isEqualTo(crlf ? Arrays.copyOf(kept, kept.length - 1) : kept);
            assertThat(line.bareLf()).as("bare LF").isEqualTo(!crlf && total <= maxLength);
            assertThat(line.tooLong()).as("too long").isEqualTo(total > maxLength);
            assertThat(line.octets()).as("octets").isEqualTo(total);
            assertThat(in.consumed()).as("consumed").isEqualTo(end + 1);
            start = end + 1;
        }
        assertThat(in.readLine(maxLength)).as("an unterminated last line").isNull();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Hands out at most {@code readSize} octets per read, as a socket may. */
    private static final class Trickle extends InputStream {
        private final ByteArrayInputStream in;
        private final int readSize;

        Trickle(byte[] bytes, int readSize) {
            this.in = new ByteArrayInputStream(bytes);
            this.readSize = readSize;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] bytes, int offset, int length) {
            return in.read(bytes, offset, Math.min(length, readSize));
        }
    }
}
