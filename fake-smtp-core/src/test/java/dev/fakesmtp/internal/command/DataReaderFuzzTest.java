package dev.fakesmtp.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fakesmtp.internal.ByteSink;
import dev.fakesmtp.internal.SmtpInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the DATA reader (in this package because it is package-private) against an oracle
 * written from RFC 5321 §4.5.2 alone: the data is cut into lines at CRLF only (a bare CR or LF is
 * content), the first line that is exactly "." ends it, and a leading dot of any other line is
 * dropped. The reader must agree with the oracle on where the data ends and on every output byte
 * (up to the size limit), and the content check that DATA and BDAT share ({@link ContentCheck})
 * must find in that output exactly the faults the oracle sees on the wire; nothing but
 * {@link EOFException} may escape.
 *
 * <p>Each input is read twice: in reads as large as the reader asks (so its buffer fills: 512
 * octets, then 2,048 more once the first fill filled it, and a CRLF, a dot or ".CRLF" falls
 * across two fills when the input puts it at octet 512 or 2,560, as the {@code straddle-512-*}
 * and {@code straddle-2560-*} seeds do; the {@code straddle-1024-*} ones hit the edge of the
 * buffer's earlier 1,024 octets), and in short reads whose sizes the input itself
 * decides ({@link ShortReads}), so the fuzzer also chooses where a socket would split the data.
 * Without {@code JAZZER_FUZZ} these run the seeds in {@code DataReaderFuzzTestInputs} only.
 */
@Timeout(60)
class DataReaderFuzzTest {

    /** Small enough that the fuzzer often crosses them. */
    private static final int SIZE_LIMIT = 64;
    private static final int TEXT_LINE_LIMIT = 20;
    private static final byte[] CRLF = {'\r', '\n'};

    @FuzzTest(maxDuration = "2m")
    void readerAgreesWithTheRfcOracle(byte[] input) throws IOException {
        readsAsTheOracleSays(input, new ByteArrayInputStream(input));
        readsAsTheOracleSays(input, new ShortReads(input));
    }

    private static void readsAsTheOracleSays(byte[] input, InputStream stream) throws IOException {
        Expected expected = Expected.of(input);
        SmtpInput in = new SmtpInput(stream, () -> { });
        ByteSink sink = new ByteSink(SIZE_LIMIT);
        DataReader reader = new DataReader();
        try {
            reader.read(in, sink);
        } catch (EOFException e) {
            assertThat(expected.consumed).as("EOF although the input has an end of data").isEqualTo(-1);
            return;
        }
        int consumed = input.length - stream.available() - in.discardBuffered();
        assertThat(consumed).as("octets consumed, read in %s", stream).isEqualTo(expected.consumed);
        byte[] output = expected.content.toByteArray();
        assertThat(sink.overflowed()).as("overflowed").isEqualTo(output.length > SIZE_LIMIT);
        assertThat(sink.size()).isLessThanOrEqualTo(SIZE_LIMIT);
        assertThat(sink.toByteArray()).as("content").isEqualTo(Arrays.copyOf(output,
                Math.min(output.length, SIZE_LIMIT)));
        if (!sink.overflowed()) {
            ContentCheck.Findings found = ContentCheck.scan(sink.toByteArray(), TEXT_LINE_LIMIT);
            assertThat(found.bareLf()).as("bare LF").isEqualTo(expected.bareLf);
            assertThat(found.bareCr()).as("bare CR").isEqualTo(expected.bareCr);
            assertThat(found.longLine()).as("long line").isEqualTo(expected.longLine);
            assertThat(found.nul()).as("NUL").isEqualTo(expected.nul);
            assertThat(found.eightBit()).as("8-bit").isEqualTo(expected.eightBit);
        }
    }

    /**
     * Dot-stuffing then reading gives back the content: any bytes, made into CRLF lines (the
     * fuzz input's LFs become line breaks, its CRs are dropped), stuffed, and ended with ".".
     */
    @FuzzTest(maxDuration = "2m")
    void unstuffingInvertsStuffing(byte[] input) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int i = 0; i <= input.length; i++) {
            if (i == input.length || input[i] == '\n') {
                byte[] bytes = line.toByteArray();
                if (i < input.length || bytes.length > 0) {
                    content.writeBytes(bytes);
                    content.writeBytes(CRLF);
                    if (bytes.length > 0 && bytes[0] == '.') {
                        wire.write('.');
                    }
                    wire.writeBytes(bytes);
                    wire.writeBytes(CRLF);
                }
                line.reset();
            } else if (input[i] != '\r') {
                line.write(input[i]);
            }
        }
        wire.writeBytes(new byte[] {'.', '\r', '\n'});
        SmtpInput in = new SmtpInput(new ByteArrayInputStream(wire.toByteArray()), () -> { });
        ByteSink sink = new ByteSink(Integer.MAX_VALUE - 16);
        new DataReader().read(in, sink);
        assertThat(sink.toByteArray()).isEqualTo(content.toByteArray());
        assertThat(in.hasBuffered()).as("nothing read past the end of data").isFalse();
        ContentCheck.Findings found = ContentCheck.scan(sink.toByteArray(), Integer.MAX_VALUE);
        assertThat(found.bareLf()).isFalse();
        assertThat(found.bareCr()).isFalse();
    }

    /**
     * A stream that returns what it holds in short reads whose sizes come from the input (a
     * generator seeded with its hash): one octet, a few, a few hundred, or all that is asked, so
     * line breaks, dots and ".CRLF" fall across reads wherever the input makes them fall.
     */
    static final class ShortReads extends InputStream {
        private final byte[] data;
        private final SplittableRandom sizes;
        private int position;

        ShortReads(byte[] data) {
            this.data = data;
            this.sizes = new SplittableRandom(Arrays.hashCode(data));
        }

        @Override
        public int read() {
            return position < data.length ? data[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (position == data.length) {
                return -1;
            }
            int size = switch (sizes.nextInt(4)) {
                case 0 -> 1;
                case 1 -> 1 + sizes.nextInt(8);
                case 2 -> 1 + sizes.nextInt(300);
                default -> length;
            };
            int count = Math.min(Math.min(size, length), data.length - position);
            System.arraycopy(data, position, target, offset, count);
            position += count;
            return count;
        }

        @Override
        public int available() {
            return data.length - position;
        }

        @Override
        public String toString() {
            return "short reads";
        }
    }

    /** What RFC 5321 says the reader must produce for an input. */
    private static final class Expected {
        /** Octets up to and including the terminating ".CRLF", or -1 when there is none. */
        int consumed = -1;
        final ByteArrayOutputStream content = new ByteArrayOutputStream();
        boolean bareLf;
        boolean bareCr;
        boolean longLine;
        boolean nul;
        boolean eightBit;

        static Expected of(byte[] input) {
            Expected expected = new Expected();
            int start = 0;
            while (true) {
                int crlf = indexOfCrlf(input, start);
                if (crlf < 0) {
                    return expected; // no end of data: EOF
                }
                int from = start;
                if (crlf - start == 1 && input[start] == '.') {
                    expected.consumed = crlf + 2;
                    return expected;
                }
                if (input[start] == '.' && crlf > start) {
                    from++; // a stuffed dot
                }
                for (int i = start; i < crlf; i++) {
                    expected.bareLf |= input[i] == '\n';
                    expected.bareCr |= input[i] == '\r';
                }
                for (int i = from; i < crlf; i++) {
                    expected.eightBit |= (input[i] & 0x80) != 0;
                    expected.nul |= input[i] == 0;
                }
                expected.longLine |= crlf - from + 2 > TEXT_LINE_LIMIT;
                expected.content.write(input, from, crlf - from);
                expected.content.writeBytes(CRLF);
                start = crlf + 2;
            }
        }

        private static int indexOfCrlf(byte[] input, int from) {
            for (int i = from; i + 1 < input.length; i++) {
                if (input[i] == '\r' && input[i + 1] == '\n') {
                    return i;
                }
            }
            return -1;
        }
    }
}
