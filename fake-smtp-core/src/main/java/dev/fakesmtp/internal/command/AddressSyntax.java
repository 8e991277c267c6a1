package dev.fakesmtp.internal.command;

/**
 * The mailbox syntax of RFC 5321 §4.1.2, extended with UTF-8 by RFC 6531 §3.3. Only the syntax:
 * whether UTF-8 is allowed in this transaction, the size limits and the raw HT a lenient server
 * lets into a quoted local part are {@link AddressRules}' questions.
 */
final class AddressSyntax {

    private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";
    private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile(
            "(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

    private AddressSyntax() {
    }

    /** True for {@code local-part@domain}. */
    static boolean isMailbox(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return false;
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        return (isDotString(local) || isQuotedString(local)) && isDomainOrLiteral(domain);
    }

    /** True for a domain name or an address literal. */
    static boolean isDomainOrLiteral(String domain) {
        return isDomain(domain) || isAddressLiteral(domain);
    }

    /** True when the address has characters outside US-ASCII (needs SMTPUTF8). */
    static boolean isInternationalized(String address) {
        for (int i = 0; i < address.length(); i++) {
            if (address.charAt(i) >= 0x80) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDotString(String local) {
        if (local.isEmpty() || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        return local.chars().allMatch(c -> c == '.' || isAtext(c));
    }

    private static boolean isAtext(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || ATEXT_SPECIALS.indexOf(c) >= 0 || c >= 0x80;
    }

    private static boolean isQuotedString(String local) {
        if (local.length() < 2 || local.charAt(0) != '"' || local.charAt(local.length() - 1) != '"') {
            return false;
        }
        for (int i = 1; i < local.length() - 1; i++) {
            char c = local.charAt(i);
            if (c == '\\') {
                i++;
                if (i >= local.length() - 1 || local.charAt(i) < 32 || local.charAt(i) > 126) {
                    return false;
                }
            } else if (c == '"' || (c < 32 && c != '\t') || c == 127) {
                return false;
            }
        }
        return true;
    }

    /** Labels of 1 to 63 characters; the 255-octet limit of the whole is a size rule (AddressRules). */
    private static boolean isDomain(String domain) {
        for (String label : domain.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            boolean valid = label.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9') || c == '-' || c >= 0x80);
            if (!valid) {
                return false;
            }
        }
        return true;
    }

    /** RFC 5321 §4.1.3: {@code [192.0.2.1]}, {@code [IPv6:2001:db8::1]} or {@code [tag:content]}. */
    private static boolean isAddressLiteral(String domain) {
        if (domain.length() < 3 || domain.charAt(0) != '[' || domain.charAt(domain.length() - 1) != ']') {
            return false;
        }
        String inside = domain.substring(1, domain.length() - 1);
        if (inside.regionMatches(true, 0, "IPv6:", 0, 5)) {
            return isIpv6(inside.substring(5));
        }
        int colon = inside.indexOf(':');
        if (colon < 0) {
            return IPV4.matcher(inside).matches();
        }
        // General-address-literal: Standardized-tag ":" 1*dcontent (dcontent is %d33-90 / %d94-126).
        String tag = inside.substring(0, colon);
        String content = inside.substring(colon + 1);
        return tag.matches("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?") && !content.isEmpty()
                && content.chars().allMatch(c -> (c >= 33 && c <= 90) || (c >= 94 && c <= 126));
    }

    private static boolean isIpv6(String text) {
        if (text.isEmpty() || !text.matches("[0-9A-Fa-f:.]+") || !text.contains(":")) {
            return false;
        }
        try {
            // In brackets the JDK parses an IPv6 literal and never looks it up. An IPv4-mapped
            // literal ("::ffff:192.0.2.1", RFC 5321's IPv6v4-comp) comes back as the IPv4 address.
            java.net.InetAddress.getByName("[" + text + "]");
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
