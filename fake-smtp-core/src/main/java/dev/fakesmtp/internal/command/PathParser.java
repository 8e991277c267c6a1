package dev.fakesmtp.internal.command;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the argument of MAIL and RCPT: {@code FROM:<path> params} (RFC 5321 §4.1.2) and the
 * ESMTP parameters after it (RFC 5321 §4.1.2, {@code esmtp-param}).
 */
final class PathParser {

    /**
     * The parsed argument.
     *
     * @param address the mailbox without brackets or source route; {@code ""} for the null path
     * @param path what was sent between the brackets, source route included
     * @param parameters the ESMTP parameters in order, keys upper-case, {@code ""} for no value
     */
    record ParsedPath(String address, String path, Map<String, String> parameters) {
    }

    private PathParser() {
    }

    /**
     * Parses {@code <keyword><path> [params]}; {@code keyword} is {@code "FROM:"} or {@code "TO:"}.
     *
     * @param syntax the usage text for a 501
     * @param badAddressCode the enhanced code for a malformed address (5.1.7 sender, 5.1.3 recipient)
     */
    static ParsedPath parse(String argument, String keyword, String syntax, String badAddressCode)
            throws CommandRejected {
        return parse(argument, keyword, syntax, badAddressCode, false);
    }

    /** As above; {@code recipient} allows the domain-less {@code <Postmaster>} of RFC 5321 §4.1.1.3. */
    static ParsedPath parse(String argument, String keyword, String syntax, String badAddressCode, boolean recipient)
            throws CommandRejected {
        if (!argument.regionMatches(true, 0, keyword, 0, keyword.length())) {
            throw new CommandRejected(501, "5.5.4", "Syntax: " + syntax);
        }
        // RFC 5321 allows no space after the colon; many clients send one, so accept it.
        String rest = argument.substring(keyword.length()).stripLeading();
        if (!rest.startsWith("<")) {
            throw new CommandRejected(501, "5.5.4", "Syntax: " + syntax + " (the address goes in angle brackets)");
        }
        int close = closingBracket(rest);
        if (close < 0) {
            throw new CommandRejected(501, "5.5.4", "Syntax: " + syntax + " (no closing '>')");
        }
        String sent = rest.substring(1, close);
        String path = stripSourceRoute(sent, badAddressCode);
        String params = rest.substring(close + 1);
        if (!params.isEmpty() && params.charAt(0) != ' ') {
            throw new CommandRejected(501, "5.5.4", "Syntax: " + syntax + " (a space must follow '>')");
        }
        // RFC 5321 §4.5.1: "postmaster" without a domain must be accepted as a recipient.
        boolean postmaster = recipient && path.equalsIgnoreCase("postmaster");
        if (!path.isEmpty() && !AddressSyntax.isMailbox(path) && !postmaster) {
            throw new CommandRejected(501, badAddressCode, "Bad address syntax: <" + path + ">");
        }
        return new ParsedPath(path, sent, parameters(params));
    }

    /** RFC 5321 §4.1.2: a quoted local part may contain '>', so scan quotes and escapes. */
    private static int closingBracket(String text) {
        boolean quoted = false;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '>' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A source route ({@code @a,@b:user@c}) must be accepted and ignored (RFC 5321 §4.1.2, C);
     * its domains must still be domains, and a mailbox must follow it.
     */
    private static String stripSourceRoute(String path, String badAddressCode) throws CommandRejected {
        if (!path.startsWith("@")) {
            return path;
        }
        int colon = path.indexOf(':');
        String mailbox = colon < 0 ? "" : path.substring(colon + 1);
        boolean valid = colon > 0 && !mailbox.isEmpty();
        for (String hop : colon < 0 ? new String[0] : path.substring(0, colon).split(",", -1)) {
            valid &= hop.startsWith("@") && AddressSyntax.isDomainOrLiteral(hop.substring(1));
        }
        if (!valid) {
            throw new CommandRejected(501, badAddressCode, "Bad source route: <" + path + ">");
        }
        return mailbox;
    }

    private static Map<String, String> parameters(String text) throws CommandRejected {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String parameter : text.strip().split(" +")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String keyword = equals < 0 ? parameter : parameter.substring(0, equals);
            String value = equals < 0 ? "" : parameter.substring(equals + 1);
            if (!keyword.matches("[A-Za-z0-9][A-Za-z0-9-]*") || (equals >= 0 && !isEsmtpValue(value))) {
                throw new CommandRejected(501, "5.5.4", "Bad parameter syntax: " + parameter);
            }
            if (parameters.putIfAbsent(keyword.toUpperCase(Locale.ROOT), value) != null) {
                throw new CommandRejected(501, "5.5.4", "Duplicate parameter: " + keyword);
            }
        }
        return parameters;
    }

    /** {@code esmtp-value}: printable ASCII but '=' (UTF-8 allowed too, RFC 6531 §3.3). */
    private static boolean isEsmtpValue(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> (c >= 33 && c <= 126 && c != '=') || c >= 0x80);
    }
}
