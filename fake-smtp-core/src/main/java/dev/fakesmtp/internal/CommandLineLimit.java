package dev.fakesmtp.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How long a command line may be: 512 octets (RFC 5321 §4.5.3.1.4), or the configured limit,
 * plus what the ESMTP parameters actually on a MAIL or RCPT line add, as each extension defines
 * it. A parameter that is not there adds nothing.
 */
final class CommandLineLimit {

    /** RFC 5321 §4.5.3.1.4. */
    static final int RFC_COMMAND_LINE = 512;

    private CommandLineLimit() {
    }

    /**
     * The octets the parameters on this line add: MAIL gets 26 for SIZE (RFC 1870 §3), 500 for
     * AUTH (RFC 4954 §3), 100 for RET and ENVID together (RFC 3461 §4), 10 for SMTPUTF8 (RFC 6531
     * §3.1) and 16 for BODY (its own length: RFC 6152 names no increase); RCPT gets 500 for
     * NOTIFY and ORCPT together (RFC 3461 §4).
     */
    static int allowance(Verb verb, String argument) {
        if (verb != Verb.MAIL && verb != Verb.RCPT) {
            return 0;
        }
        Set<String> keywords = keywords(argument);
        if (verb == Verb.RCPT) {
            return keywords.contains("NOTIFY") || keywords.contains("ORCPT") ? 500 : 0;
        }
        int allowance = 0;
        allowance += keywords.contains("SIZE") ? 26 : 0;
        allowance += keywords.contains("AUTH") ? 500 : 0;
        allowance += keywords.contains("RET") || keywords.contains("ENVID") ? 100 : 0;
        allowance += keywords.contains("SMTPUTF8") ? 10 : 0;
        allowance += keywords.contains("BODY") ? 16 : 0;
        return allowance;
    }

    /** The upper-case keywords of the parameters after the path's closing '>'. */
    private static Set<String> keywords(String argument) {
        int close = pathEnd(argument);
        if (close < 0 || argument.substring(close + 1).isBlank()) {
            return Set.of(); // the usual MAIL and RCPT: no parameters, nothing to split
        }
        Set<String> keywords = new HashSet<>();
        for (String parameter : argument.substring(close + 1).strip().split(" +")) {
            int equals = parameter.indexOf('=');
            keywords.add((equals < 0 ? parameter : parameter.substring(0, equals)).toUpperCase(Locale.ROOT));
        }
        return keywords;
    }

    /** The index of the '>' that closes the path; a quoted local part may hold '>' (RFC 5321 §4.1.2). */
    private static int pathEnd(String argument) {
        boolean quoted = false;
        for (int i = argument.indexOf('<') + 1; i > 0 && i < argument.length(); i++) {
            char c = argument.charAt(i);
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
}
