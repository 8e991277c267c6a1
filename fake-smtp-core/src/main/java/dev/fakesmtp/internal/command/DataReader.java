package dev.fakesmtp.internal.command;

import dev.fakesmtp.internal.ByteSink;
import dev.fakesmtp.internal.SmtpInput;
import java.io.EOFException;
import java.io.IOException;

/**
 * Reads the message after 354 (RFC 5321 §4.1.1.4, §4.5.2): undoes dot-stuffing and stops only at
 * CRLF "." CRLF. A bare LF or bare CR never starts a line, so {@code <LF>.<LF>} and
 * {@code <CR>.<CR>} cannot end the data (no SMTP smuggling); they stay in the content, where
 * {@link ContentCheck} finds them, as it does in a BDAT message.
 */
final class DataReader {

    private static final int LINE_START = 0;
    private static final int IN_LINE = 1;
    private static final int SAW_CR = 2;
    private static final int DOT = 3;
    private static final int DOT_CR = 4;

    private int state = LINE_START;

    /**
     * Reads up to and including the terminating CRLF.CRLF into {@code sink}, which keeps the
     * CRLF that ends the last line and stops storing past its limit.
     *
     * @throws EOFException if the client closes before the end of data
     */
    void read(SmtpInput in, ByteSink sink) throws IOException {
        while (true) {
            if (state == IN_LINE) {
                if (in.copyUntilLineBreak(sink) < 0) {
                    throw new EOFException("The client closed the connection in the middle of DATA");
                }
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
                    sink.write('\r'); // ".<CR>x": the dot is stuffing, the CR is content
                    content(b, sink);
                }
                case SAW_CR -> {
                    if (b == '\n') {
                        sink.write('\r');
                        sink.write('\n');
                        state = LINE_START;
                    } else {
                        sink.write('\r'); // a bare CR: content, not a line break
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
        // A bare LF is content too, not a line break: the next "." is content, not an end.
        sink.write(b);
        state = IN_LINE;
    }
}
