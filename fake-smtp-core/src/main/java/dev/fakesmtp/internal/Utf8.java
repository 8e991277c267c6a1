package dev.fakesmtp.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes command lines without inventing characters: octets that are not well-formed UTF-8
 * (RFC 3629: stray continuation octets, overlong forms, surrogates, truncated sequences) become
 * the text {@code \xHH} instead of U+FFFD, so a transcript, a reply and an envelope show what
 * the client sent, and a U+FFFD in them is one the client sent itself.
 */
public final class Utf8 {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Utf8() {
    }

    /**
     * The text of {@code bytes}, each octet outside a well-formed UTF-8 sequence written
     * {@code \xHH}.
     *
     * @param bytes the octets as received
     * @return their text
     */
    public static String decode(byte[] bytes) {
        CharsetDecoder decoder = strictDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never gives more chars than octets
        StringBuilder text = new StringBuilder(bytes.length);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            text.append(out.flip());
            out.clear();
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    int b = in.get() & 0xFF;
                    text.append('\\').append('x').append(HEX[b >> 4]).append(HEX[b & 0xF]);
                }
            } else if (result.isUnderflow()) {
                return text.toString();
            }
        }
    }

    /**
     * Whether {@code bytes} are well-formed UTF-8 throughout.
     *
     * @param bytes the octets as received
     * @return true when they are UTF-8 (plain ASCII included)
     */
    public static boolean isWellFormed(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                try {
                    strictDecoder().decode(ByteBuffer.wrap(bytes));
                    return true;
                } catch (CharacterCodingException e) {
                    return false;
                }
            }
        }
        return true; // ASCII: the common case, without a decoder
    }

    private static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
