package dev.fakesmtp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Command lines decode without a U+FFFD the client did not send (RFC 3629 decides what is UTF-8). */
class Utf8Test {

    @Test
    void wellFormedUtf8DecodesAsItIs() {
        String text = "MAIL FROM:<j\u00f6rg@b\u00fccher.example> \uD83D\uDE00 \uFFFD";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.decode(bytes)).isEqualTo(text);
        assertThat(Utf8.isWellFormed(bytes)).isTrue();
    }

    @Test
    void eachOctetOutsideAWellFormedSequenceIsWrittenHex() {
        assertDecodes(new byte[] {'j', (byte) 0xF6, 'r', 'g'}, "j\\xF6rg");
        assertDecodes(new byte[] {(byte) 0xC0, (byte) 0xAF}, "\\xC0\\xAF"); // overlong '/'
        assertDecodes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\\xED\\xA0\\x80"); // a surrogate
        assertDecodes(new byte[] {'a', (byte) 0xE2, (byte) 0x82}, "a\\xE2\\x82"); // cut off at the end
        assertDecodes(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, "\\xF4\\x90\\x80\\x80"); // > U+10FFFF
        assertDecodes(new byte[] {(byte) 0xC3, (byte) 0xB6, (byte) 0xFF, (byte) 0xC3, (byte) 0xB6}, "\u00f6\\xFF\u00f6");
    }

    /** Whatever the octets, the text has no U+FFFD they did not spell, and escapes exactly the bad ones. */
    @Test
    void randomOctetsNeverGainAReplacementCharacter() {
        Random random = new Random(13);
        java.util.List<String> wrong = new java.util.ArrayList<>();
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(12)];
            random.nextBytes(bytes);
            String text = Utf8.decode(bytes);
            boolean wellFormed = wellFormed(bytes);
            int sent = count(new String(bytes, StandardCharsets.ISO_8859_1), "\u00EF\u00BF\u00BD");
            if (count(text, "\uFFFD") != sent || Utf8.isWellFormed(bytes) != wellFormed
                    || (wellFormed && !text.equals(new String(bytes, StandardCharsets.UTF_8)))) {
                wrong.add(java.util.HexFormat.of().formatHex(bytes) + " -> " + text);
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            count++;
        }
        return count;
    }

    /** The JDK's decoding round-trips exactly the well-formed octets (it replaces the others). */
    private static boolean wellFormed(byte[] bytes) {
        return java.util.Arrays.equals(new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8), bytes);
    }

    private static void assertDecodes(byte[] bytes, String expected) {
        assertThat(Utf8.decode(bytes)).isEqualTo(expected);
        assertThat(Utf8.isWellFormed(bytes)).isFalse();
    }
}
