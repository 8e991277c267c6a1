package dev.fakesmtp.model;

import dev.fakesmtp.Extension;
import dev.fakesmtp.model.Step.Bdat;
import dev.fakesmtp.model.Step.Command;
import dev.fakesmtp.model.Step.Data;
import dev.fakesmtp.model.Step.Hello;
import dev.fakesmtp.model.Step.Mail;
import dev.fakesmtp.model.Step.Rcpt;
import dev.fakesmtp.model.Tokens.MailParam;
import dev.fakesmtp.model.Tokens.RcptParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an SMTP server must answer, as a state machine written from RFC 5321, 3030, 2920, 1870,
 * 6152, 6531, 3461, 4954 and 3207, knowing nothing of the server's classes. Where the RFCs leave
 * a choice, the model makes the server's documented one and says so (marked "server's choice"):
 * which of two faults of one command is answered first, what a lenient server lets pass, when
 * it hangs up. {@link #apply} advances the state by one step and returns the replies expected.
 */
final class Model {

    /** RFC 5321 §4.5.3.1.4. */
    static final int COMMAND_LINE = 512;
    /** RFC 4954 §4: an AUTH command with its initial response. */
    static final int AUTH_LINE = 12_288;
    /** Server's choice: after this many bad commands in a row, 421 and close (RFC 5321 §4.3.2 allows 421 at any time). */
    static final int MAX_BAD_COMMANDS = 10;
    /** The replies the server counts as bad commands (syntax, sequence, not implemented, parameters). */
    private static final Set<Integer> BAD = Set.of(500, 501, 502, 503, 504, 555);

    private final ModelServer server;
    private final Transactions transactions;
    private boolean greeted;
    private boolean esmtp;
    private boolean tls;
    private boolean authenticated;
    private int badInARow;
    private boolean closed;

    Model(ModelServer server) {
        this.server = server;
        this.transactions = new Transactions(server);
    }

    /**
     * The expected replies to one step.
     *
     * @param codes the reply codes in order (DATA: 354 and the final reply)
     * @param closes the server hangs up after them
     * @param startsTls the client runs the TLS handshake after them
     * @param ehloKeywords the keywords a 250 to EHLO lists, sorted (else empty)
     */
    record Prediction(List<Integer> codes, boolean closes, boolean startsTls, List<String> ehloKeywords) {
    }

    boolean closed() {
        return closed;
    }

    /** The messages the server must have captured so far, in order. */
    List<Transactions.Captured> captured() {
        return transactions.captured();
    }

    /**
     * How long a command line may be with its CRLF: 512 (RFC 5321 §4.5.3.1.4), plus what the
     * parameters present add: SIZE 26 (RFC 1870 §3), AUTH 500 (RFC 4954 §3), RET/ENVID 100 and
     * NOTIFY/ORCPT 500 (RFC 3461 §4), SMTPUTF8 10 (RFC 6531 §3.1); BODY 16 is the server's choice
     * (RFC 6152 names no increase, so it counts the parameter's own length). AUTH lines: 12,288.
     * Only a bracketed path can have parameters after it (RFC 5321 §4.1.2): {@code FROM:a@b SIZE=1}
     * has none, so it gets no allowance either.
     */
    static int commandLineLimit(Step step) {
        if (step instanceof Command c && c.command().text.startsWith("AUTH")) {
            return AUTH_LINE;
        }
        int extra = 0;
        if (step instanceof Mail mail && bracketed(mail.form())) {
            List<String> keywords = mail.params().stream().map(MailParam::keyword).toList();
            extra += keywords.contains("SIZE") ? 26 : 0;
            extra += keywords.contains("AUTH") ? 500 : 0;
            extra += keywords.contains("RET") || keywords.contains("ENVID") ? 100 : 0;
            extra += keywords.contains("SMTPUTF8") ? 10 : 0;
            extra += keywords.contains("BODY") ? 16 : 0;
        }
        if (step instanceof Rcpt rcpt && bracketed(rcpt.form())) {
            extra += rcpt.params().stream().map(RcptParam::keyword).anyMatch(k -> k.equals("NOTIFY") || k.equals("ORCPT"))
                    ? 500 : 0;
        }
        return COMMAND_LINE + extra;
    }

    private static boolean bracketed(Tokens.PathForm form) {
        return form != Tokens.PathForm.NO_ARGUMENT && form != Tokens.PathForm.NO_BRACKETS;
    }

    /** Applies one step: the replies it gets, and the state after it. */
    Prediction apply(Step step) {
        if (closed) {
            throw new IllegalStateException("The dialogue is over");
        }
        List<Integer> codes = new ArrayList<>();
        boolean startsTls = false;
        Integer lineFault = lineFault(step);
        if (step instanceof Bdat bdat && bdat.form().unreadableSize()) {
            // Server's choice: without a size nobody knows where the chunk ends (RFC 3030 §2), so 421 and close.
            closed = true;
            return new Prediction(List.of(421), true, false, List.of());
        } else if (lineFault != null) {
            codes.add(lineFault); // a BDAT's chunk is read and dropped all the same (RFC 3030 §2)
        } else if (step instanceof Hello hello) {
            codes.add(hello(hello));
        } else if (step instanceof Mail mail) {
            codes.add(state() == State.READY ? transactions.mail(mail, esmtp) : 503);
        } else if (step instanceof Rcpt rcpt) {
            codes.add(state() == State.MAIL || state() == State.RCPT ? transactions.rcpt(rcpt, esmtp) : 503);
        } else if (step instanceof Data data) {
            codes.addAll(state() == State.RCPT ? transactions.data(data) : List.of(noData()));
        } else if (step instanceof Bdat bdat) {
            codes.add(bdat(bdat));
        } else {
            int code = command(((Command) step).command());
            startsTls = code == 220;
            codes.add(code);
        }
        int last = codes.get(codes.size() - 1);
        closed = last == 221;
        badInARow = BAD.contains(last) ? badInARow + 1 : 0;
        if (badInARow >= MAX_BAD_COMMANDS) {
            codes.add(421);
            closed = true;
        }
        boolean ehlo = step instanceof Hello hello && hello.extended() && codes.get(0) == 250;
        List<String> keywords = ehlo ? List.copyOf(server.ehloKeywords(tls)) : List.of();
        return new Prediction(List.copyOf(codes), closed, startsTls, keywords);
    }

    /** The line's own faults (RFC 5321 §2.3.8, §4.5.3.1.4): strict refuses bare CR and LF; too long is 500 always. */
    private Integer lineFault(Step step) {
        byte[] wire = step.wire();
        boolean bareLf = step.framing() == Framing.BARE_LF;
        if (server.strict() && step.framing() == Framing.BARE_CR) {
            return 500;
        }
        if (wire.length > commandLineLimit(step)) {
            return 500;
        }
        return server.strict() && bareLf ? 500 : null;
    }

    /** Where the dialogue is (RFC 5321 §4.1.4; RFC 3030 adds CHUNKING). */
    enum State { CONNECTED, READY, MAIL, RCPT, CHUNKING }

    private State state() {
        return !greeted ? State.CONNECTED : transactions.state();
    }

    private int hello(Hello hello) {
        if (hello.name().syntaxError()) {
            return 501;
        }
        if (server.strict() && hello.name().strictRefuses()) {
            return 501;
        }
        greeted = true;
        esmtp = hello.extended();
        transactions.reset(); // RFC 5321 §4.1.4: EHLO/HELO reset any transaction
        return 250;
    }

    /**
     * DATA or BDAT where no recipient was accepted: RFC 5321 §3.3 allows 503 or 554; the server's
     * choice is 554 "no valid recipients" when RCPT commands were sent and all refused, else 503.
     */
    private int noData() {
        return state() == State.MAIL && transactions.rejectedRecipients() > 0 ? 554 : 503;
    }

    private int bdat(Bdat bdat) {
        if (bdat.form() == Tokens.BdatForm.EXTRA_WORD) {
            return 501; // syntax first, then the extension, then the state (server's choice)
        }
        if (!server.offers(Extension.CHUNKING)) {
            return 502;
        }
        if (!esmtp) {
            return 503; // an extension verb needs EHLO (RFC 5321 §2.2.1; issue 13 item 5)
        }
        State state = state();
        if (state != State.RCPT && state != State.CHUNKING) {
            return noData();
        }
        return transactions.bdat(bdat);
    }

    private int command(Tokens.Simple command) {
        switch (command) {
            case RSET:
                transactions.reset();
                return 250;
            case RSET_ARGUMENT:
            case QUIT_ARGUMENT:
            case VRFY_NO_ARGUMENT:
            case EXPN_NO_ARGUMENT:
                return 501;
            case NOOP:
            case NOOP_LOWER_CASE:
            case NOOP_ARGUMENT:
                return 250; // RFC 5321 §4.1.1.9: an argument is ignored
            case QUIT:
                return 221;
            case HELP:
            case HELP_MAIL:
                return 214;
            case HELP_UNKNOWN:
                return 504;
            case VRFY:
            case EXPN:
                return 252; // RFC 5321 §3.5.3: cannot verify (no users or lists configured)
            case STARTTLS:
            case STARTTLS_ARGUMENT:
                return startTls(command == Tokens.Simple.STARTTLS_ARGUMENT);
            case UNKNOWN:
            case UNKNOWN_8BIT:
            case EMPTY:
                return 500;
            default:
                return auth(command);
        }
    }

    /** RFC 3207: not inside a transaction, only after EHLO; afterwards everything starts over. */
    private int startTls(boolean argument) {
        State state = state();
        if (!esmtp || (state != State.CONNECTED && state != State.READY)) {
            return 503;
        }
        if (argument) {
            return 501;
        }
        if (tls) {
            return 503;
        }
        if (!server.startTls()) {
            return 502;
        }
        tls = true;
        greeted = false;
        esmtp = false;
        authenticated = false;
        transactions.reset();
        return 220;
    }

    /** RFC 4954: after EHLO, outside a transaction, once; any credentials pass (no users configured). */
    private int auth(Tokens.Simple command) {
        if (!esmtp || state() != State.READY) {
            return 503;
        }
        if (!server.offers(Extension.AUTH)) {
            return 502;
        }
        if (authenticated) {
            return 503;
        }
        if (command == Tokens.Simple.AUTH_NO_MECHANISM) {
            return 501;
        }
        if (command == Tokens.Simple.AUTH_UNKNOWN_MECHANISM) {
            return 504;
        }
        if (server.strict() && server.startTls() && !tls) {
            return 538; // RFC 4954 §4: encryption required; lenient only records it
        }
        if (command == Tokens.Simple.AUTH_BAD_BASE64) {
            return 501;
        }
        authenticated = true;
        return 235;
    }

}
