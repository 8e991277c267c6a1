package dev.fakesmtp.internal.command;

import dev.fakesmtp.Violation;
import dev.fakesmtp.internal.Command;
import dev.fakesmtp.internal.ReplyText;
import dev.fakesmtp.internal.Session;
import dev.fakesmtp.internal.command.PathParser.ParsedPath;
import java.nio.charset.StandardCharsets;

/**
 * What a MAIL or RCPT address must be beyond its grammar, checked in one place for both: UTF-8
 * (RFC 6531 §3.3), SMTPUTF8 for a non-ASCII address (§3.4), the size limits of RFC 5321
 * §4.5.3.1, and no raw HT in a quoted local part (§4.1.2). An address that is not UTF-8 or not
 * declared is refused in both modes, since the envelope could not hold it truly; a size limit or
 * a raw HT is recorded, and refused only by a strict server.
 */
final class AddressRules {

    /** RFC 5321 §4.5.3.1.1. */
    static final int MAX_LOCAL_PART = 64;
    /** RFC 5321 §4.5.3.1.2. */
    static final int MAX_DOMAIN = 255;
    /** RFC 5321 §4.5.3.1.3: the brackets and any source route included. */
    static final int MAX_PATH = 256;

    /** Whose address it is: the command that names it and its RFC 3463 syntax code. */
    enum Role {
        SENDER("MAIL FROM", "5.1.7"),
        RECIPIENT("RCPT TO", "5.1.3");

        private final String command;
        private final String syntaxCode;

        Role(String command, String syntaxCode) {
            this.command = command;
            this.syntaxCode = syntaxCode;
        }

        String syntaxCode() {
            return syntaxCode;
        }
    }

    private AddressRules() {
    }

    /**
     * Before parsing, since the octets that are not UTF-8 stand in the line as {@code \xHH} text,
     * which could pass for a quoted pair: a MAIL or RCPT line that is not UTF-8 is refused.
     */
    static void checkUtf8(Session session, Command command, Role role) throws CommandRejected {
        if (command.malformedUtf8()) {
            session.violation(Violation.Type.MALFORMED_UTF8, "Not valid UTF-8: " + command.line());
            throw new CommandRejected(501, role.syntaxCode, "Not valid UTF-8 (RFC 3629): " + command.argument());
        }
    }

    /**
     * After parsing: SMTPUTF8, then the size limits, then the raw HT.
     *
     * @param smtpUtf8 whether the transaction declared SMTPUTF8
     */
    static void check(Session session, ParsedPath path, Role role, boolean smtpUtf8) throws CommandRejected {
        String address = path.address();
        if (AddressSyntax.isInternationalized(address) && !smtpUtf8) {
            boolean sender = role == Role.SENDER;
            session.violation(Violation.Type.NON_ASCII_WITHOUT_SMTPUTF8, "Non-ASCII " + (sender ? "sender" : "recipient")
                    + " without SMTPUTF8: <" + address + ">");
            throw new CommandRejected(553, "5.6.7", sender ? "A non-ASCII address needs the SMTPUTF8 parameter"
                    : "A non-ASCII address needs SMTPUTF8 on MAIL FROM");
        }
        checkLength(session, path, role);
        int at = address.lastIndexOf('@');
        if (at > 0 && address.charAt(0) == '"' && address.substring(0, at).indexOf('\t') >= 0
                && session.violation(Violation.Type.ADDRESS_SYNTAX, role.command + ": a raw TAB in a quoted local part"
                        + " (RFC 5321 §4.1.2 qtextSMTP): <" + ReplyText.showControls(path.path()) + ">")) {
            throw new CommandRejected(501, role.syntaxCode, "Bad address syntax: a raw TAB in a quoted local part");
        }
    }

    /** The first limit broken, in the order local part, domain, path. */
    private static void checkLength(Session session, ParsedPath path, Role role) throws CommandRejected {
        String address = path.address();
        int at = address.lastIndexOf('@');
        String what = null;
        int limit = 0;
        if (at > 0 && octets(address.substring(0, at)) > MAX_LOCAL_PART) {
            what = "local part of " + octets(address.substring(0, at)) + " octets";
            limit = MAX_LOCAL_PART;
        } else if (at > 0 && octets(address.substring(at + 1)) > MAX_DOMAIN) {
            what = "domain of " + octets(address.substring(at + 1)) + " octets";
            limit = MAX_DOMAIN;
        } else if (octets(path.path()) + 2 > MAX_PATH) {
            what = "path of " + (octets(path.path()) + 2) + " octets";
            limit = MAX_PATH;
        }
        if (what != null && session.violation(Violation.Type.ADDRESS_TOO_LONG, role.command + ": " + what
                + ", RFC 5321 §4.5.3.1 allows " + limit + ": <" + path.path() + ">")) {
            throw new CommandRejected(501, role.syntaxCode, "Path too long: " + what + " (at most " + limit + ")");
        }
    }

    private static int octets(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
