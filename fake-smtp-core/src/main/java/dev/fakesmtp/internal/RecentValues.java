package dev.fakesmtp.internal;

import dev.fakesmtp.Recipient;
import java.util.Map;

/**
 * The names, reverse-paths and recipients of a server's latest sessions, handed out again to the
 * sessions that repeat them. A test suite captures thousands of messages between the same
 * few addresses, and each message kept its own copies (a String with its bytes per address, a
 * Recipient per recipient): about 150 bytes per captured message beside its content. The values
 * are immutable, so sharing equal ones cannot be seen.
 *
 * <p>Racy on purpose, without a lock: connection threads read and replace slots concurrently;
 * Strings and records are safely published through their final fields, and a lost update only
 * costs a copy.
 */
public final class RecentValues {

    private static final int SLOTS = 16;

    private final String[] strings = new String[SLOTS];
    private final Recipient[] recipients = new Recipient[SLOTS];

    /** {@code text} (an address, an EHLO name), or an equal String handed out before. */
    public String shared(String text) {
        int slot = text.hashCode() & (SLOTS - 1);
        String recent = strings[slot];
        if (text.equals(recent)) {
            return recent;
        }
        strings[slot] = text;
        return text;
    }

    /** A recipient of {@code address} with {@code parameters}, or an equal one handed out before. */
    public Recipient recipient(String address, Map<String, String> parameters) {
        int slot = address.hashCode() & (SLOTS - 1);
        Recipient recent = recipients[slot];
        if (recent != null && recent.address().equals(address) && recent.parameters().equals(parameters)) {
            return recent;
        }
        Recipient fresh = new Recipient(shared(address), parameters);
        recipients[slot] = fresh;
        return fresh;
    }
}
