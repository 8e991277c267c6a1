package dev.fakesmtp.internal.command;

import dev.fakesmtp.Extension;
import dev.fakesmtp.internal.ServerSettings;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validates the ESMTP parameters of MAIL (SIZE, BODY, SMTPUTF8, RET, ENVID, AUTH) and RCPT
 * (NOTIFY, ORCPT): a parameter of a hidden extension or an unknown one gets 555 5.5.4, a bad
 * value 501 5.5.4.
 */
final class EsmtpParameters {

    private static final int MAX_ENVID = 100;

    private EsmtpParameters() {
    }

    static void checkMail(Map<String, String> parameters, ServerSettings settings) throws CommandRejected {
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            String value = parameter.getValue();
            switch (parameter.getKey()) {
                case "SIZE" -> {
                    require(settings, Extension.SIZE, "SIZE");
                    // RFC 1870 §3: 1*20DIGIT; a well-formed size over the limit is 552, not a syntax error.
                    if (!value.matches("[0-9]{1,20}")) {
                        throw bad("SIZE=" + value + " (a number of octets)");
                    }
                    if (new BigInteger(value).compareTo(BigInteger.valueOf(settings.maxMessageSize())) > 0) {
                        throw new CommandRejected(552, "5.3.4",
                                "Message size exceeds fixed maximum message size (" + settings.maxMessageSize() + ")");
                    }
                }
                case "BODY" -> checkBody(value, settings);
                case "SMTPUTF8" -> {
                    require(settings, Extension.SMTPUTF8, "SMTPUTF8");
                    if (!value.isEmpty()) {
                        throw bad("SMTPUTF8 takes no value");
                    }
                }
                case "RET" -> {
                    require(settings, Extension.DSN, "RET");
                    if (!value.equalsIgnoreCase("FULL") && !value.equalsIgnoreCase("HDRS")) {
                        throw bad("RET=" + value + " (FULL or HDRS)");
                    }
                }
                case "ENVID" -> {
                    require(settings, Extension.DSN, "ENVID");
                    if (value.length() > MAX_ENVID || !isXtext(value)) {
                        throw bad("ENVID=" + value + " (xtext, at most 100 characters)");
                    }
                }
                case "AUTH" -> {
                    require(settings, Extension.AUTH, "AUTH");
                    if (!value.equals("<>") && !isXtext(value)) {
                        throw bad("AUTH=" + value + " (an xtext mailbox or <>)");
                    }
                }
                default -> throw unsupported(parameter.getKey());
            }
        }
    }

    static void checkRcpt(Map<String, String> parameters, ServerSettings settings) throws CommandRejected {
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            String value = parameter.getValue();
            switch (parameter.getKey()) {
                case "NOTIFY" -> {
                    require(settings, Extension.DSN, "NOTIFY");
                    checkNotify(value);
                }
                case "ORCPT" -> {
                    require(settings, Extension.DSN, "ORCPT");
                    int semicolon = value.indexOf(';');
                    if (semicolon <= 0 || !value.substring(0, semicolon).matches("[A-Za-z0-9][A-Za-z0-9-]*")
                            || !isXtext(value.substring(semicolon + 1))) {
                        throw bad("ORCPT=" + value + " (addr-type;xtext, e.g. rfc822;bob@example.com)");
                    }
                }
                default -> throw unsupported(parameter.getKey());
            }
        }
    }

    private static void checkBody(String value, ServerSettings settings) throws CommandRejected {
        require(settings, Extension.EIGHT_BIT_MIME, "BODY");
        switch (value.toUpperCase(Locale.ROOT)) {
            case "7BIT", "8BITMIME" -> {
                // both are fine once 8BITMIME is advertised
            }
            case "BINARYMIME" -> {
                require(settings, Extension.BINARYMIME, "BODY=BINARYMIME");
                require(settings, Extension.CHUNKING, "BODY=BINARYMIME");
            }
            default -> throw bad("BODY=" + value + " (7BIT, 8BITMIME or BINARYMIME)");
        }
    }

    private static void checkNotify(String value) throws CommandRejected {
        if (value.equalsIgnoreCase("NEVER")) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String item : value.toUpperCase(Locale.ROOT).split(",", -1)) {
            if (!(item.equals("SUCCESS") || item.equals("FAILURE") || item.equals("DELAY")) || !seen.add(item)) {
                throw bad("NOTIFY=" + value + " (NEVER, or a list of SUCCESS, FAILURE, DELAY)");
            }
        }
    }

    /** RFC 3461 §4: xtext is printable ASCII but '+' and '=', which are written as "+XX". */
    static boolean isXtext(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '+') {
                if (i + 2 >= value.length() || !isUpperHex(value.charAt(i + 1)) || !isUpperHex(value.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (c < 33 || c > 126 || c == '=') {
                return false;
            }
        }
        return !value.isEmpty();
    }

    private static boolean isUpperHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
    }

    private static void require(ServerSettings settings, Extension extension, String parameter)
            throws CommandRejected {
        if (!settings.advertises(extension)) {
            throw new CommandRejected(555, "5.5.4", parameter + " needs the " + extension.keyword()
                    + " extension, which this server does not offer");
        }
    }

    private static CommandRejected bad(String detail) {
        return new CommandRejected(501, "5.5.4", "Bad parameter value: " + detail);
    }

    private static CommandRejected unsupported(String keyword) {
        return new CommandRejected(555, "5.5.4", "Unsupported parameter: " + keyword);
    }
}
