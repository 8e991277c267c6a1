package dev.fakesmtp.model;

import static dev.fakesmtp.model.Tokens.concat;
import static dev.fakesmtp.model.Tokens.utf8;

import static dev.fakesmtp.model.Shrinker.fewer;
import static dev.fakesmtp.model.Shrinker.plainer;

import dev.fakesmtp.model.Tokens.BdatForm;
import dev.fakesmtp.model.Tokens.BodyLine;
import dev.fakesmtp.model.Tokens.Greeting;
import dev.fakesmtp.model.Tokens.Header;
import dev.fakesmtp.model.Tokens.MailParam;
import dev.fakesmtp.model.Tokens.Mailbox;
import dev.fakesmtp.model.Tokens.PathForm;
import dev.fakesmtp.model.Tokens.RcptParam;
import dev.fakesmtp.model.Tokens.Simple;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
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
