package dev.fakesmtp.internal.command;

import dev.fakesmtp.internal.ByteSink;
import dev.fakesmtp.internal.SmtpInput;
import java.io.EOFException;
import java.io.IOException;

/**
 * Reads the message after 354 (RFC 5321 §4.1.1.4, §4.5.2): undoes dot-stuffing and stops only at
 * CRLF "." CRLF. A bare LF or bare CR never starts a line, so {@code <LF>.<LF>} and
 * {@code <CR>.<CR>} cannot end the data (no SMTP smuggling); they are reported instead.
 */
final class DataReader {

    private static final int LINE_START = 0;
    private static final int IN_LINE = 1;
    private static final int SAW_CR = 2;
    private static final int DOT = 3;
    private static final int DOT_CR = 4;

    private final int maxTextLineLength;
    private boolean bareLf;
    private boolean bareCr;
    private boolean longLine;
    private boolean eightBit;
    private int state = LINE_START;
    private int lineLength;

    /** A reader that reports lines longer than {@code maxTextLineLength} octets (CRLF included). */
    DataReader(int maxTextLineLength) {
        this.maxTextLineLength = maxTextLineLength;
    }

    /**
     * Reads up to and including the terminating CRLF.CRLF into {@code sink}, which keeps the
     * CRLF that ends the last line and stops storing past its limit.
     *
     * @throws EOFException if the client closes before the end of data
     */
    void read(SmtpInput in, ByteSink sink) throws IOException {
        while (true) {
            if (state == IN_LINE) {
                int copied = in.copyUntilLineBreak(sink);
                if (copied < 0) {
                    throw new EOFException("The client closed the connection in the middle of DATA");
                }
                lineLength += copied;
                eightBit |= in.lastCopyEightBit();
            }
            int b = in.read();
            if (b < 0) {
                throw new EOFException("The client closed the connection in the middle of DATA");
            }
            switch (state) {
                case LINE_START -> {
                    if (b == '.') {
                        state = DOT;
                    } else {
                        content(b, sink);
                    }
                }
                case DOT -> {
                    if (b == '\r') {
                        state = DOT_CR;
                    } else {
                        content(b, sink); // a stuffed dot: the first one is dropped
                    }
                }
                case DOT_CR -> {
                    if (b == '\n') {
                        return;
                    }
                    bareCr = true; // ".<CR>x": the dot is stuffing, the CR is content
                    sink.write('\r');
                    lineLength++;
                    content(b, sink);
                }
                case SAW_CR -> {
                    if (b == '\n') {
                        sink.write('\r');
                        sink.write('\n');
                        if (lineLength + 2 > maxTextLineLength) {
                            longLine = true;
                        }
                        lineLength = 0;
                        state = LINE_START;
                    } else {
                        bareCr = true;
                        sink.write('\r');
                        lineLength++;
                        content(b, sink);
                    }
                }
                default -> content(b, sink);
            }
        }
    }

    private void content(int b, ByteSink sink) {
        if (b == '\r') {
            state = SAW_CR;
            return;
        }
        if (b == '\n') {
            bareLf = true; // not a line break: the next "." is content, not an end
        } else if (b >= 0x80) {
            eightBit = true;
        }
        sink.write(b);
        lineLength++;
        state = IN_LINE;
    }

    boolean sawBareLf() {
        return bareLf;
    }

    boolean sawBareCr() {
        return bareCr;
    }

    boolean sawLongLine() {
        return longLine;
    }

    boolean sawEightBit() {
        return eightBit;
    }
}
