package dev.fakesmtp;

import java.util.Map;
import java.util.Objects;

/**
 * An accepted recipient of a transaction: the address from {@code RCPT TO:<...>} and its
 * ESMTP parameters (e.g. {@code NOTIFY}, {@code ORCPT}).
 *
 * @param address the forward-path address, without angle brackets
 * @param parameters the RCPT parameters, keys upper-case, {@code ""} for a keyword without value
 */
public record Recipient(String address, Map<String, String> parameters) {

    /**
     * Copies the parameters so the record stays immutable.
     *
     * @param address the forward-path's address
     * @param parameters the RCPT parameters (NOTIFY, ORCPT), keys upper-case
     */
    public Recipient {
        Objects.requireNonNull(address, "address");
        parameters = Map.copyOf(parameters);
    }

    /**
     * A recipient without parameters.
     *
     * @param address the forward-path's address
     * @return a recipient without parameters
     */
    public static Recipient of(String address) {
        return new Recipient(address, Map.of());
    }

    @Override
    public String toString() {
        return parameters.isEmpty() ? "<" + address + ">" : "<" + address + "> " + parameters;
    }
}
