package dev.fakesmtp.testcontainers;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * The text form users write and tools print for an address: RFC 5952's compressed IPv6 form
 * ({@code "::1"}), where the JDK's {@code getHostAddress()} gives {@code "0:0:0:0:0:0:0:1"}.
 */
final class AddressText {

    private AddressText() {
    }

    static String of(InetAddress address) {
        String jdkText = address.getHostAddress();
        if (!(address instanceof Inet6Address)) {
            return jdkText;
        }
        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        // RFC 5952 section 4.2: "::" replaces the longest run of two or more zero groups, the first on a tie.
        int runStart = -1;
        int runLength = 1;
        for (int i = 0; i < groups.length; ) {
            int end = i;
            while (end < groups.length && groups[end] == 0) {
                end++;
            }
            if (end - i > runLength) {
                runStart = i;
                runLength = end - i;
            }
            i = Math.max(end, i + 1);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            if (i == runStart) {
                text.append("::");
                i += runLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        int scope = jdkText.indexOf('%');
        return scope < 0 ? text.toString() : text + jdkText.substring(scope);
    }
}
