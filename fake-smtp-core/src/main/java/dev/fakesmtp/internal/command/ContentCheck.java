package dev.fakesmtp.internal.command;

import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.Violation;
import dev.fakesmtp.internal.Session;
import dev.fakesmtp.internal.Transaction;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The rules for a message's content, one check for DATA and BDAT alike (RFC 5321 §2.3.8,
 * §4.5.3.1.6; RFC 6152; RFC 3030 §3): lines end in CRLF only, are at most the text line limit
 * long and hold no NUL; 8-bit octets need BODY=8BITMIME, BINARYMIME or SMTPUTF8. Only
 * BODY=BINARYMIME, which only BDAT can carry, lifts the line rules. It looks at the content as
 * captured (after dot-unstuffing), so the way it arrived cannot change the verdict.
 */
final class ContentCheck {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private ContentCheck() {
    }

    /**
     * What a scan of the content found.
     *
     * @param bareLf an LF not preceded by CR
     * @param bareCr a CR not followed by LF
     * @param longLine a line longer than the limit, its CRLF included (RFC 5321 §4.5.3.1.6)
     * @param nul a NUL octet (RFC 2045 §2.7, §2.8)
     * @param eightBit an octet of 0x80 or more
     */
    record Findings(boolean bareLf, boolean bareCr, boolean longLine, boolean nul, boolean eightBit) {
    }

    /** Scans {@code content}; a line is too long when it has more than {@code maxTextLineLength} octets with its CRLF. */
    static Findings scan(byte[] content, int maxTextLineLength) {
        Scan scan = new Scan(content, maxTextLineLength);
        int i = 0;
        // Eight octets at a time: a word of printable ASCII (no octet below 14, none above 127),
        // which is most of any message, needs one test; only the others are looked at one by one.
        for (; i + 8 <= content.length; i += 8) {
            long word = (long) LONGS.get(content, i);
            if (((((word - 0x0E0E0E0E0E0E0E0EL) & ~word) | word) & 0x8080808080808080L) != 0) {
                for (int j = i; j < i + 8; j++) {
                    scan.octet(j);
                }
            }
        }
        for (; i < content.length; i++) {
            scan.octet(i);
        }
        return scan.findings();
    }

    /** The per-octet rules, for the octets the word test did not clear. */
    private static final class Scan {
        private final byte[] content;
        private final int maxTextLineLength;
        private boolean bareLf;
        private boolean bareCr;
        private boolean longLine;
        private boolean nul;
        private boolean eightBit;
        private int lineStart;

        Scan(byte[] content, int maxTextLineLength) {
            this.content = content;
            this.maxTextLineLength = maxTextLineLength;
        }

        void octet(int i) {
            byte b = content[i];
            if (b < 0) {
                eightBit = true;
            } else if (b == '\n') {
                if (i > 0 && content[i - 1] == '\r') {
                    longLine |= i + 1 - lineStart > maxTextLineLength;
                    lineStart = i + 1;
                } else {
                    bareLf = true;
                }
            } else if (b == '\r') {
                bareCr |= i + 1 == content.length || content[i + 1] != '\n';
            } else if (b == 0) {
                nul = true;
            }
        }

        Findings findings() {
            // An unterminated last line (BDAT) is measured as if its CRLF followed.
            longLine |= lineStart < content.length && content.length - lineStart + 2 > maxTextLineLength;
            return new Findings(bareLf, bareCr, longLine, nul, eightBit);
        }
    }

    /**
     * Records every rule the content breaks; returns the refusal for the first one when the
     * server is strict, else null.
     */
    static SmtpReply check(Session session, byte[] content) {
        Transaction transaction = session.transaction();
        int limit = session.settings().maxTextLineLength();
        Findings found = scan(content, limit);
        // RFC 3030 §3: binary content has no lines; only its 8-bit octets are declared (by BINARYMIME itself).
        boolean lineRules = !transaction.body().equals("BINARYMIME");
        String refusal = null;
        refusal = first(refusal, lineRules && found.bareLf() && session.violation(Violation.Type.BARE_LF,
                "Message content has a bare LF (only CRLF ends a line)"),
                "Message refused: bare LF in the content (only CRLF ends a line)");
        refusal = first(refusal, lineRules && found.bareCr() && session.violation(Violation.Type.BARE_CR,
                "Message content has a bare CR (only CRLF ends a line)"),
                "Message refused: bare CR in the content (only CRLF ends a line)");
        refusal = first(refusal, lineRules && found.longLine() && session.violation(Violation.Type.TEXT_LINE_TOO_LONG,
                "Message content has a line over the text line limit of " + limit + " octets (RFC 5321 §4.5.3.1.6)"),
                "Message refused: a line is longer than " + limit + " octets");
        refusal = first(refusal, lineRules && found.nul() && session.violation(Violation.Type.NUL_IN_CONTENT,
                "Message content has a NUL octet, which only BODY=BINARYMIME allows"),
                "Message refused: a NUL octet in the content (only BODY=BINARYMIME allows it)");
        refusal = first(refusal, found.eightBit() && transaction.declaresSevenBitOnly()
                && session.violation(Violation.Type.EIGHT_BIT_WITHOUT_8BITMIME,
                "Message content has 8-bit octets but MAIL FROM had neither BODY=8BITMIME nor SMTPUTF8"),
                "Message refused: 8-bit content without BODY=8BITMIME");
        return refusal == null ? null : SmtpReply.of(550, "5.6.0", refusal);
    }

    private static String first(String earlier, boolean refuse, String text) {
        return earlier == null && refuse ? text : earlier;
    }
}
