package dev.fakesmtp.model;

import dev.fakesmtp.Extension;
import dev.fakesmtp.model.Step.Bdat;
import dev.fakesmtp.model.Step.Data;
import dev.fakesmtp.model.Step.Mail;
import dev.fakesmtp.model.Step.Rcpt;
import dev.fakesmtp.model.Tokens.MailParam;
import dev.fakesmtp.model.Tokens.Mailbox;
import dev.fakesmtp.model.Tokens.PathForm;
import dev.fakesmtp.model.Tokens.RcptParam;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The model's mail transactions (RFC 5321 §3.3, RFC 3030): MAIL opens one, RCPT adds
 * recipients, DATA or BDAT LAST ends it with a message that is captured or refused; RSET,
 * EHLO/HELO and STARTTLS drop it. Called by {@link Model} once the state allows the command.
 */
final class Transactions {

    private final ModelServer server;
    private final List<Captured> captured = new ArrayList<>();
    private Open open;

    /**
     * A message the server must have captured.
     *
     * @param from the reverse-path ({@code ""} for {@code <>})
     * @param recipients the accepted forward-paths, in order
     * @param content the octets after dot-unstuffing (DATA) or the chunks joined (BDAT)
     */
    record Captured(String from, List<String> recipients, byte[] content) {
        @Override
        public String toString() {
            return "from <" + from + "> to " + recipients + ": " + Tokens.show(content);
        }
    }

    private static final class Open {
        final String from;
        final List<MailParam> params;
        final List<String> recipients = new ArrayList<>();
        final ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        int rejected;
        boolean chunking;

        Open(String from, List<MailParam> params) {
            this.from = from;
            this.params = params;
        }

        boolean binary() {
            return params.contains(MailParam.BODY_BINARYMIME);
        }

        /** RFC 6152 and RFC 6531 §3.4: without BODY=8BITMIME, BINARYMIME or SMTPUTF8 the content is 7-bit. */
        boolean sevenBitOnly() {
            return !params.contains(MailParam.BODY_8BITMIME) && !binary() && !params.contains(MailParam.SMTPUTF8);
        }
    }

    Transactions(ModelServer server) {
        this.server = server;
    }

    List<Captured> captured() {
        return List.copyOf(captured);
    }

    Model.State state() {
        if (open == null) {
            return Model.State.READY;
        }
        return open.chunking ? Model.State.CHUNKING : open.recipients.isEmpty() ? Model.State.MAIL : Model.State.RCPT;
    }

    int rejectedRecipients() {
        return open == null ? 0 : open.rejected;
    }

    void reset() {
        open = null;
    }

    /**
     * MAIL in the READY state. The checks and the order of their refusals where a command has
     * several faults (server's choice; the RFCs name none): the octets are UTF-8, the syntax
     * (RFC 5321 §4.1.2; strict: no space after the colon), parameters need EHLO (555), each
     * parameter in turn (RFC 1870: an over-limit SIZE is 552), then the address (RFC 6531 §3.4:
     * non-ASCII needs SMTPUTF8, 553; strict: the §4.5.3.1 lengths and §4.1.2's qtextSMTP, 501).
     */
    int mail(Mail mail, boolean esmtp) {
        int syntax = pathSyntax(mail.form(), mail.from(), false);
        if (syntax != 0) {
            return syntax;
        }
        List<String> keywords = mail.params().stream().map(MailParam::keyword).toList();
        if (new HashSet<>(keywords).size() < keywords.size()) {
            return 501; // RFC 5321 §4.1.2: each parameter at most once
        }
        if (!mail.params().isEmpty() && !esmtp) {
            return 555;
        }
        for (MailParam param : mail.params()) {
            int code = mailParam(param);
            if (code != 0) {
                return code;
            }
        }
        int address = addressRules(mail.from(), mail.params().contains(MailParam.SMTPUTF8));
        if (address != 0) {
            return address;
        }
        open = new Open(mail.from().captured(), mail.params());
        return 250;
    }

    /** RCPT in the MAIL or RCPT state; every refusal counts towards DATA's 554. */
    int rcpt(Rcpt rcpt, boolean esmtp) {
        int code = rcptCode(rcpt, esmtp);
        if (code == 250) {
            open.recipients.add(rcpt.to().captured());
        } else {
            open.rejected++;
        }
        return code;
    }

    private int rcptCode(Rcpt rcpt, boolean esmtp) {
        int syntax = pathSyntax(rcpt.form(), rcpt.to(), true);
        if (syntax != 0) {
            return syntax;
        }
        List<String> keywords = rcpt.params().stream().map(RcptParam::keyword).toList();
        if (new HashSet<>(keywords).size() < keywords.size()) {
            return 501;
        }
        if (!rcpt.params().isEmpty() && !esmtp) {
            return 555;
        }
        for (RcptParam param : rcpt.params()) {
            if (param == RcptParam.UNKNOWN || !server.offers(Extension.DSN)) {
                return 555;
            }
            if (param == RcptParam.NOTIFY_UNKNOWN) {
                return 501;
            }
        }
        int address = addressRules(rcpt.to(), open.params.contains(MailParam.SMTPUTF8));
        if (address != 0) {
            return address;
        }
        // RFC 5321 §4.5.3.1.8: 452 for too many recipients.
        return open.recipients.size() >= ModelServer.MAX_RECIPIENTS ? 452 : 250;
    }

    /** DATA in the RCPT state: 354 and the final reply, or a refusal of DATA itself. */
    List<Integer> data(Data data) {
        if (data.argument()) {
            return List.of(501); // RFC 5321 §4.1.1.4: "DATA" CRLF
        }
        if (open.binary()) {
            return List.of(503); // RFC 3030 §3: BINARYMIME only with BDAT
        }
        byte[] content = ContentRules.unstuff(data.message());
        if (content.length > ModelServer.MAX_MESSAGE_SIZE) {
            open = null;
            return List.of(354, 552);
        }
        return List.of(354, endOfData(content));
    }

    /** BDAT in the RCPT or CHUNKING state, its chunk read in full (RFC 3030 §2). */
    int bdat(Bdat bdat) {
        open.chunks.writeBytes(bdat.chunk());
        if (open.chunks.size() > ModelServer.MAX_MESSAGE_SIZE) {
            open = null;
            return 552;
        }
        if (!bdat.last()) {
            open.chunking = true;
            return 250;
        }
        return endOfData(open.chunks.toByteArray());
    }

    /**
     * The end of a message, DATA or BDAT alike. A strict server refuses content that breaks a
     * line rule or is 8-bit without declaring it (550), then a message larger than its SIZE
     * (552), then one without Date or From (550, RFC 5322 §3.6); Message-ID is a SHOULD and
     * never refused (issue 13 item 11). A lenient server captures all of them.
     */
    private int endOfData(byte[] content) {
        Open ending = open;
        open = null;
        if (server.strict()) {
            boolean contentFault = ContentRules.lineFault(content, ending.binary()) != null
                    || ContentRules.eightBit(content) && ending.sevenBitOnly();
            if (contentFault) {
                return 550;
            }
            if (ending.params.contains(MailParam.SIZE_SMALL) && content.length > 100) {
                return 552;
            }
            if (!ContentRules.hasHeader(content, "Date") || !ContentRules.hasHeader(content, "From")) {
                return 550;
            }
        }
        captured.add(new Captured(ending.from, List.copyOf(ending.recipients), content));
        return 250;
    }

    /** The 501s of a path: octets not UTF-8, the strict space after the colon, the grammar. */
    private int pathSyntax(PathForm form, Mailbox address, boolean recipient) {
        if (form == PathForm.NO_ARGUMENT) {
            return 501;
        }
        if (address == Mailbox.MALFORMED) {
            return 501; // RFC 6531 §3.3, RFC 3629: refused in both modes (issue 13 item 8)
        }
        if (server.strict() && form == PathForm.SPACE_AFTER_COLON) {
            return 501;
        }
        if (form == PathForm.NO_BRACKETS) {
            return 501;
        }
        Set<Mailbox> invalid = recipient ? Set.of(Mailbox.BAD_SYNTAX, Mailbox.NO_DOMAIN, Mailbox.NULL)
                : Set.of(Mailbox.BAD_SYNTAX, Mailbox.NO_DOMAIN, Mailbox.POSTMASTER);
        return invalid.contains(address) ? 501 : 0;
    }

    private int mailParam(MailParam param) {
        switch (param) {
            case SIZE_SMALL:
            case SIZE_OVER:
            case SIZE_20_DIGITS:
            case SIZE_NOT_A_NUMBER:
                if (!server.offers(Extension.SIZE)) {
                    return 555;
                }
                return param == MailParam.SIZE_NOT_A_NUMBER ? 501 : param == MailParam.SIZE_SMALL ? 0 : 552;
            case BODY_7BIT:
            case BODY_8BITMIME:
            case BODY_BINARYMIME:
            case BODY_UNKNOWN:
                if (!server.offers(Extension.EIGHT_BIT_MIME)) {
                    return 555;
                }
                if (param == MailParam.BODY_UNKNOWN) {
                    return 501;
                }
                return param == MailParam.BODY_BINARYMIME && !server.offers(Extension.BINARYMIME) ? 555 : 0;
            case SMTPUTF8:
                return server.offers(Extension.SMTPUTF8) ? 0 : 555;
            case RET:
            case ENVID:
                return server.offers(Extension.DSN) ? 0 : 555;
            case AUTH:
                return server.offers(Extension.AUTH) ? 0 : 555;
            default:
                return 555;
        }
    }

    /** RFC 6531 §3.4 (553 in both modes), then what only a strict server refuses (501). */
    private int addressRules(Mailbox address, boolean smtpUtf8) {
        if (address == Mailbox.UTF8 && !smtpUtf8) {
            return 553;
        }
        if (server.strict() && (address == Mailbox.LONG_LOCAL_PART || address == Mailbox.QUOTED_TAB)) {
            return 501;
        }
        return 0;
    }
}
