package dev.fakesmtp.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The content scan reads eight octets at a time and looks closer only at words that hold
 * something other than printable ASCII; it must find exactly what a plain octet-by-octet reading
 * of the rules finds, wherever the interesting octets fall (word boundaries, the tail, the
 * octets just below and above the word test's thresholds).
 */
class ContentCheckScanTest {

    private static final byte[] ALPHABET = {'a', ' ', '.', '\t', '\r', '\n', 0, 13, 14, 31, 127, (byte) 0x80,
            (byte) 0xC3, (byte) 0xFF, 1};
    private static final int LIMIT = 12;

    @Test
    void agreesWithAnOctetByOctetOracle() {
        Random random = new Random(20261126L);
        for (int round = 0; round < 50_000; round++) {
            byte[] content = new byte[random.nextInt(70)];
            // Mostly printable, so whole clean words occur, with a few special octets anywhere.
            for (int i = 0; i < content.length; i++) {
                content[i] = random.nextInt(4) == 0 ? ALPHABET[random.nextInt(ALPHABET.length)] : (byte) 'x';
            }
            assertThat(ContentCheck.scan(content, LIMIT)).as("content %s", Arrays.toString(content))
                    .isEqualTo(oracle(content));
        }
    }

    /** The rules, one octet at a time, straight from their definitions. */
    private static ContentCheck.Findings oracle(byte[] content) {
        boolean bareLf = false;
        boolean bareCr = false;
        boolean longLine = false;
        boolean nul = false;
        boolean eightBit = false;
        int lineLength = 0;
        for (int i = 0; i < content.length; i++) {
            int b = content[i] & 0xFF;
            boolean crlfLf = b == '\n' && i > 0 && content[i - 1] == '\r';
            boolean crlfCr = b == '\r' && i + 1 < content.length && content[i + 1] == '\n';
            bareLf |= b == '\n' && !crlfLf;
            bareCr |= b == '\r' && !crlfCr;
            nul |= b == 0;
            eightBit |= b >= 0x80;
            lineLength++;
            if (crlfLf) {
                longLine |= lineLength > LIMIT;
                lineLength = 0;
            }
        }
        longLine |= lineLength > 0 && lineLength + 2 > LIMIT;
        return new ContentCheck.Findings(bareLf, bareCr, longLine, nul, eightBit);
    }
}
