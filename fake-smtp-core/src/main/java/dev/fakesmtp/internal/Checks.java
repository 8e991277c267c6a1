package dev.fakesmtp.internal;

import java.time.Duration;
import java.util.Objects;

/** Argument checks for the builder, with messages that say what is allowed. */
public final class Checks {

    private Checks() {
    }

    /** {@code value} if it is within [min, max]. */
    public static int range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    /** {@code value} if it is positive. */
    public static Duration positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
        return value;
    }

    /** {@code address} if it looks like {@code local@domain}. */
    public static String address(String address) {
        Objects.requireNonNull(address, "address");
        if (address.indexOf('@') <= 0 || address.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>')) {
            throw new IllegalArgumentException("Not a mailbox address (local@domain): '" + address + "'");
        }
        return address;
    }

    /** The TLS protocol names this JDK supports, e.g. TLSv1.3 and TLSv1.2. */
    public static java.util.List<String> supportedTlsProtocols() {
        try {
            return java.util.List.of(javax.net.ssl.SSLContext.getDefault().getSupportedSSLParameters().getProtocols());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JDK has no default SSLContext", e);
        }
    }

    /** {@code value} if it is neither null nor empty. */
    public static String notEmpty(String name, String value) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }
}
