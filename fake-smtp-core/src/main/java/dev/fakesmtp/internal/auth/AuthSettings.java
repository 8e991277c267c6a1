package dev.fakesmtp.internal.auth;

import dev.fakesmtp.AuthMechanism;
import java.util.Map;
import java.util.Set;

/**
 * How a server does AUTH (RFC 4954).
 *
 * @param mechanisms the offered mechanisms, in EHLO order
 * @param passwords user to password; when this and {@code tokens} are empty, any credentials pass
 * @param tokens user to XOAUTH2 bearer token
 * @param requireAuth whether MAIL needs a successful AUTH first (530 5.7.0)
 * @param onlyAfterTls whether AUTH is offered only on a TLS connection (538 5.7.11 otherwise)
 */
public record AuthSettings(Set<AuthMechanism> mechanisms, Map<String, String> passwords, Map<String, String> tokens,
                           boolean requireAuth, boolean onlyAfterTls) {

    /** Copies the collections. */
    public AuthSettings {
        mechanisms = Set.copyOf(mechanisms);
        passwords = Map.copyOf(passwords);
        tokens = Map.copyOf(tokens);
    }

    /** True when credentials are checked; false for the accept-anything default. */
    public boolean checksCredentials() {
        return !passwords.isEmpty() || !tokens.isEmpty();
    }
}
