package dev.fakesmtp.internal.catalog;

import dev.fakesmtp.Trigger;
import dev.fakesmtp.internal.rules.RuleEvent;
import dev.fakesmtp.internal.rules.Stage;
import dev.fakesmtp.internal.rules.TriggerSpec;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Triggers the catalogue needs beyond the public ones. Each call makes a new trigger with its
 * own memory, so two installations of a case never share state.
 */
final class CatalogTriggers {

    private CatalogTriggers() {
    }

    /** RCPT in a transaction that has accepted a recipient already: the second and later recipients. */
    static Trigger laterRecipient() {
        return new TriggerSpec("RCPT after an accepted recipient", false,
                event -> isRcpt(event) && event.recipients() > 0);
    }

    /**
     * The first later recipient (see {@link #laterRecipient()}) the server sees, and that address
     * whenever it comes again, in any transaction: one recipient of several that does not exist.
     */
    static Trigger oneLaterRecipientForGood() {
        AtomicReference<String> refused = new AtomicReference<>();
        return new TriggerSpec("RCPT of the first later recipient, and of that address ever after", false,
                event -> {
                    if (!isRcpt(event)) {
                        return false;
                    }
                    String address = event.address().toLowerCase(Locale.ROOT);
                    if (event.recipients() > 0) {
                        refused.compareAndSet(null, address);
                    }
                    return address.equals(refused.get());
                });
    }

    /** The first RCPT of each sender and recipient pair, as greylisting refuses it. */
    static Trigger firstAttemptOfEachPair() {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        return new TriggerSpec("RCPT of a sender/recipient pair not seen before", false,
                event -> isRcpt(event) && seen.add(((event.sender() == null ? "" : event.sender()) + "\u0000"
                        + event.address()).toLowerCase(Locale.ROOT)));
    }

    private static boolean isRcpt(RuleEvent event) {
        return event.stage() == Stage.COMMAND && event.verb().equals("RCPT") && event.address() != null;
    }
}
