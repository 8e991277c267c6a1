package dev.fakesmtp.model;

import static dev.fakesmtp.model.Tokens.concat;
import static dev.fakesmtp.model.Tokens.utf8;

import dev.fakesmtp.model.Tokens.BodyLine;
import dev.fakesmtp.model.Tokens.Greeting;
import dev.fakesmtp.model.Tokens.Header;
import dev.fakesmtp.model.Tokens.MailParam;
import dev.fakesmtp.model.Tokens.Mailbox;
import dev.fakesmtp.model.Tokens.PathForm;
import dev.fakesmtp.model.Tokens.RcptParam;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * One thing a generated client does: a command line (framed as {@link Framing} says) and what
 * follows it on the wire (a BDAT chunk, or DATA's message once the 354 is in). {@code pipelined}
 * lets the client send the next step without waiting for this one's reply, where RFC 2920 and
 * the model allow it.
 */
interface Step {

    /** The command line as the client means it, without line ending or framing oddity. */
    byte[] text();

    /** How the line is put on the wire. */
    Framing framing();

    /** Whether the client may send on without this reply. */
    boolean pipelined();

    /** Octets that follow the line at once (a BDAT chunk), else empty. */
    default byte[] chunk() {
        return new byte[0];
    }

    /**
     * Simpler versions of this step, each one change closer to a plain command: for shrinking a
     * failing dialogue to the smallest one that still fails.
     */
    List<Step> simpler();

    /** The line on the wire: the text framed, with its ending. */
    default byte[] wire() {
        return framing().frame(text(), Model.commandLineLimit(this));
    }

    /** How a command line is put on the wire. */
    enum Framing {
        CRLF,
        /** A bare LF ends the line: strict 500, lenient records it (RFC 5321 §2.3.8). */
        BARE_LF,
        /** A bare CR for the first space (or before the CRLF): strict 500, lenient reads a space. */
        BARE_CR,
        /** Spaces up to exactly the line limit with CRLF (RFC 5321 §4.5.3.1.4 plus extensions). */
        AT_LIMIT,
        /** One octet over the limit: 500 in both modes. */
        OVER_LIMIT,
        /** 13,000 octets: over every limit, AUTH's 12,288 too. */
        HUGE;

        byte[] frame(byte[] text, int limit) {
            byte[] crlf = {'\r', '\n'};
            switch (this) {
                case BARE_LF:
                    return concat(text, new byte[] {'\n'});
                case BARE_CR: {
                    byte[] line = text.clone();
                    for (int i = 0; i < line.length; i++) {
                        if (line[i] == ' ') {
                            line[i] = '\r';
                            return concat(line, crlf);
                        }
                    }
                    return concat(line, new byte[] {'\r'}, crlf);
                }
                case AT_LIMIT:
                    return concat(text, spaces(limit - 2 - text.length), crlf);
                case OVER_LIMIT:
                    return concat(text, spaces(limit + 1 - 2 - text.length), crlf);
                case HUGE:
                    return concat(text, spaces(13_000 - 2 - text.length), crlf);
                default:
                    return concat(text, crlf);
            }
        }

        private static byte[] spaces(int count) {
            byte[] spaces = new byte[Math.max(0, count)];
            Arrays.fill(spaces, (byte) ' ');
            return spaces;
        }
    }

    /** EHLO or HELO. */
    record Hello(boolean extended, Greeting name, Framing framing, boolean pipelined) implements Step {
        @Override
        public byte[] text() {
            return concat(utf8(extended ? "EHLO" : "HELO"), name.bytes.length == 0 ? new byte[0]
                    : concat(utf8(" "), name.bytes));
        }

        @Override
        public List<Step> simpler() {
            List<Step> simpler = new ArrayList<>();
            plainer(framing, pipelined, (f, p) -> simpler.add(new Hello(extended, name, f, p)));
            if (!extended) {
                simpler.add(new Hello(true, name, framing, pipelined));
            }
            if (name != Greeting.DOMAIN) {
                simpler.add(new Hello(extended, Greeting.DOMAIN, framing, pipelined));
            }
            return simpler;
        }

        @Override
        public String toString() {
            return show(this);
        }
    }

    /** MAIL FROM. */
    record Mail(PathForm form, Mailbox from, List<MailParam> params, Framing framing, boolean pipelined)
            implements Step {
        @Override
        public byte[] text() {
            String tail = params.stream().map(p -> " " + p.text).collect(Collectors.joining());
            return concat(path("MAIL", "FROM:", form, from), utf8(form == PathForm.NO_ARGUMENT ? "" : tail));
        }

        @Override
        public List<Step> simpler() {
            List<Step> simpler = new ArrayList<>();
            plainer(framing, pipelined, (f, p) -> simpler.add(new Mail(form, from, params, f, p)));
            if (form != PathForm.BRACKETS) {
                simpler.add(new Mail(PathForm.BRACKETS, from, params, framing, pipelined));
            }
            if (from != Mailbox.PLAIN) {
                simpler.add(new Mail(form, Mailbox.PLAIN, params, framing, pipelined));
            }
            for (List<MailParam> fewer : fewer(params)) {
                simpler.add(new Mail(form, from, fewer, framing, pipelined));
            }
            return simpler;
        }

        @Override
        public String toString() {
            return show(this);
        }
    }

    /** RCPT TO. */
    record Rcpt(PathForm form, Mailbox to, List<RcptParam> params, Framing framing, boolean pipelined)
            implements Step {
        @Override
        public byte[] text() {
            String tail = params.stream().map(p -> " " + p.text).collect(Collectors.joining());
            return concat(path("RCPT", "TO:", form, to), utf8(form == PathForm.NO_ARGUMENT ? "" : tail));
        }

        @Override
        public List<Step> simpler() {
            List<Step> simpler = new ArrayList<>();
            plainer(framing, pipelined, (f, p) -> simpler.add(new Rcpt(form, to, params, f, p)));
            if (form != PathForm.BRACKETS) {
                simpler.add(new Rcpt(PathForm.BRACKETS, to, params, framing, pipelined));
            }
            if (to != Mailbox.OTHER) {
                simpler.add(new Rcpt(form, Mailbox.OTHER, params, framing, pipelined));
            }
            for (List<RcptParam> fewer : fewer(params)) {
                simpler.add(new Rcpt(form, to, fewer, framing, pipelined));
            }
            return simpler;
        }

        @Override
        public String toString() {
            return show(this);
        }
    }

    /**
     * DATA, and the message after the 354: the header lines, an empty line, the body lines, each
     * ending in CRLF on the wire, then ".". {@code contentPipelined} sends the message right
     * behind DATA (RFC 2920 §3.1 says to wait for the 354; only done when the model expects it).
     */
    record Data(boolean argument, List<Header> headers, List<BodyLine> body, boolean contentPipelined,
                Framing framing) implements Step {
        @Override
        public byte[] text() {
            return utf8(argument ? "DATA now" : "DATA");
        }

        @Override
        public boolean pipelined() {
            return false; // DATA ends a group (RFC 2920 §3.1)
        }

        @Override
        public List<Step> simpler() {
            List<Step> simpler = new ArrayList<>();
            plainer(framing, false, (f, p) -> simpler.add(new Data(argument, headers, body, contentPipelined, f)));
            if (argument || contentPipelined) {
                simpler.add(new Data(false, headers, body, false, framing));
            }
            for (List<Header> fewer : fewer(headers)) {
                simpler.add(new Data(argument, fewer, body, contentPipelined, framing));
            }
            for (List<BodyLine> fewer : fewer(body)) {
                simpler.add(new Data(argument, headers, fewer, contentPipelined, framing));
            }
            return simpler;
        }

        /** The message as the client sends it after the 354, ended by ".CRLF". */
        byte[] message() {
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            for (Header header : headers) {
                wire.writeBytes(utf8(header.line + "\r\n"));
            }
            if (!headers.isEmpty()) {
                wire.writeBytes(utf8("\r\n"));
            }
            for (BodyLine line : body) {
                wire.writeBytes(line.bytes);
                wire.writeBytes(utf8("\r\n"));
            }
            wire.writeBytes(utf8(".\r\n"));
            return wire.toByteArray();
        }

        @Override
        public String toString() {
            return show(this) + " + " + headers + " " + body + (contentPipelined ? " (pipelined)" : "");
        }
    }

    /** How a BDAT line is written. */
    enum BdatForm {
        NORMAL,
        LOWER_CASE,
        /** {@code BDAT n LAST NOW} or {@code BDAT n NOW}: 501, the chunk is read and dropped. */
        EXTRA_WORD,
        /** {@code BDAT x}: the size cannot be read, so neither can the chunk: 421 and close. */
        SIZE_NOT_A_NUMBER,
        /** 19 digits: more than any chunk anyone sends; 421 and close (issue 13 item 9). */
        SIZE_19_DIGITS,
        /** {@code BDAT} alone: 421 and close. */
        NO_SIZE;

        boolean unreadableSize() {
            return this == SIZE_NOT_A_NUMBER || this == SIZE_19_DIGITS || this == NO_SIZE;
        }
    }

    /**
     * BDAT with a chunk (RFC 3030): header lines and an empty line (if any headers), the body
     * lines joined by CRLF, with a final CRLF when {@code terminated}. No chunk follows a line
     * whose size cannot be read.
     */
    record Bdat(BdatForm form, boolean last, List<Header> headers, List<BodyLine> body, boolean terminated,
                Framing framing, boolean pipelined) implements Step {
        @Override
        public byte[] chunk() {
            if (form.unreadableSize()) {
                return new byte[0];
            }
            ByteArrayOutputStream chunk = new ByteArrayOutputStream();
            for (Header header : headers) {
                chunk.writeBytes(utf8(header.line + "\r\n"));
            }
            if (!headers.isEmpty()) {
                chunk.writeBytes(utf8("\r\n"));
            }
            for (int i = 0; i < body.size(); i++) {
                chunk.writeBytes(body.get(i).bytes);
                if (i < body.size() - 1 || terminated) {
                    chunk.writeBytes(utf8("\r\n"));
                }
            }
            return chunk.toByteArray();
        }

        @Override
        public List<Step> simpler() {
            List<Step> simpler = new ArrayList<>();
            plainer(framing, pipelined, (f, p) -> simpler.add(new Bdat(form, last, headers, body, terminated, f, p)));
            if (form != BdatForm.NORMAL || !last || !terminated) {
                simpler.add(new Bdat(BdatForm.NORMAL, true, headers, body, true, framing, pipelined));
            }
            for (List<Header> fewer : fewer(headers)) {
                simpler.add(new Bdat(form, last, fewer, body, terminated, framing, pipelined));
            }
            for (List<BodyLine> fewer : fewer(body)) {
                simpler.add(new Bdat(form, last, headers, fewer, terminated, framing, pipelined));
            }
            return simpler;
        }

        @Override
        public byte[] text() {
            int size = chunk().length;
            String verb = form == BdatForm.LOWER_CASE ? "bdat" : "BDAT";
            String last = this.last ? (form == BdatForm.LOWER_CASE ? " last" : " LAST") : "";
            switch (form) {
                case EXTRA_WORD:
                    return utf8(verb + " " + size + last + " NOW");
                case SIZE_NOT_A_NUMBER:
                    return utf8(verb + " x" + last);
                case SIZE_19_DIGITS:
                    return utf8(verb + " 1234567890123456789" + last);
                case NO_SIZE:
                    return utf8(verb);
                default:
                    return utf8(verb + " " + size + last);
            }
        }

        @Override
        public String toString() {
            return show(this) + " + " + headers + " " + body + (terminated ? " CRLF" : "");
        }
    }

    /** The commands without a path: each with its argument, as sent. */
    enum Simple {
        RSET("RSET"), RSET_ARGUMENT("RSET x"), NOOP("NOOP"), NOOP_LOWER_CASE("noop"),
        NOOP_ARGUMENT("NOOP anything goes"), QUIT("QUIT"), QUIT_ARGUMENT("QUIT now"), HELP("HELP"),
        HELP_MAIL("HELP mail"), HELP_UNKNOWN("HELP FOO"), VRFY("VRFY alice"), VRFY_NO_ARGUMENT("VRFY"),
        EXPN("EXPN staff"), EXPN_NO_ARGUMENT("EXPN"), STARTTLS("STARTTLS"), STARTTLS_ARGUMENT("STARTTLS now"),
        UNKNOWN("XYZZY"), UNKNOWN_8BIT("FÖÖ bar"), EMPTY(""),
        AUTH_PLAIN("AUTH PLAIN " + Base64.getEncoder().encodeToString(utf8("\0alice\0secret"))),
        AUTH_BAD_BASE64("AUTH PLAIN !!!"), AUTH_UNKNOWN_MECHANISM("AUTH FOO"), AUTH_NO_MECHANISM("AUTH");

        final String text;

        Simple(String text) {
            this.text = text;
        }
    }

    /** A command from {@link Simple}. */
    record Command(Simple command, Framing framing, boolean pipelined) implements Step {
        @Override
        public byte[] text() {
            return utf8(command.text);
        }

        @Override
        public List<Step> simpler() {
            List<Step> simpler = new ArrayList<>();
            plainer(framing, pipelined, (f, p) -> simpler.add(new Command(command, f, p)));
            return simpler;
        }

        @Override
        public String toString() {
            return show(this);
        }
    }

    /** The plain framing, then no pipelining, where the step has something else. */
    private static void plainer(Framing framing, boolean pipelined, BiConsumer<Framing, Boolean> add) {
        if (framing != Framing.CRLF) {
            add.accept(Framing.CRLF, pipelined);
        }
        if (pipelined) {
            add.accept(framing, false);
        }
    }

    /** The list without one of its elements, for each element. */
    private static <T> List<List<T>> fewer(List<T> list) {
        List<List<T>> fewer = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            List<T> copy = new ArrayList<>(list);
            copy.remove(i);
            fewer.add(List.copyOf(copy));
        }
        return fewer;
    }

    private static byte[] path(String verb, String keyword, PathForm form, Mailbox address) {
        switch (form) {
            case NO_ARGUMENT:
                return utf8(verb);
            case LOWER_CASE:
                return concat(utf8(verb + " " + keyword.toLowerCase(java.util.Locale.ROOT) + "<"), address.bytes, utf8(">"));
            case SPACE_AFTER_COLON:
                return concat(utf8(verb + " " + keyword + " <"), address.bytes, utf8(">"));
            case NO_BRACKETS:
                return concat(utf8(verb + " " + keyword), address.bytes);
            default:
                return concat(utf8(verb + " " + keyword + "<"), address.bytes, utf8(">"));
        }
    }

    private static String show(Step step) {
        return "\"" + Tokens.show(step.text()) + "\"" + (step.framing() == Framing.CRLF ? "" : " " + step.framing())
                + (step.pipelined() ? " |" : "");
    }
}
