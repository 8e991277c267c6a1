package dev.fakesmtp.internal.command;

import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.Violation;
import dev.fakesmtp.internal.Session;

/**
 * Grammar that clients get wrong often enough that a lenient server accepts it: each is recorded
 * as {@link Violation.Type#COMMAND_SYNTAX} and refused only by a strict server.
 */
final class ToleratedSyntax {

    private ToleratedSyntax() {
    }

    /**
     * RFC 5321 §4.1.1.1: the EHLO or HELO argument is a domain or an address literal; in ASCII,
     * since the client cannot know yet whether SMTPUTF8 is offered (RFC 6531 §3.7.1). Returns the
     * strict refusal, or null when the name is valid or the server lenient.
     */
    static SmtpReply heloName(Session session, String verb, String name) {
        boolean valid = name.chars().allMatch(c -> c > ' ' && c < 0x7F) && AddressSyntax.isDomainOrLiteral(name);
        if (valid || !session.violation(Violation.Type.COMMAND_SYNTAX, verb
                + " name is neither a domain nor an address literal (RFC 5321 §4.1.1.1): " + name)) {
            return null;
        }
        return SmtpReply.of(501, "5.5.4", "Syntax: " + verb + " <domain or address literal>");
    }

    /**
     * RFC 5321 §4.1.2: {@code "FROM:" Reverse-path} and {@code "TO:" Forward-path} have no
     * space between; many clients send one.
     *
     * @throws CommandRejected 501 5.5.4 when the server is strict
     */
    static void spaceAfterColon(Session session, String argument, String keyword, String syntax)
            throws CommandRejected {
        boolean space = argument.length() > keyword.length() && argument.regionMatches(true, 0, keyword, 0, keyword.length())
                && Character.isWhitespace(argument.charAt(keyword.length()));
        if (space && session.violation(Violation.Type.COMMAND_SYNTAX, "A space after " + keyword
                + " (RFC 5321 §4.1.2): " + argument)) {
            throw new CommandRejected(501, "5.5.4", "Syntax: " + syntax + " (no space after the colon)");
        }
    }
}
