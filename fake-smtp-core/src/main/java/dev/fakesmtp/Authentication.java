package dev.fakesmtp;

import java.util.Objects;
import java.util.Optional;

/**
 * A successful AUTH: who the client said it was, how, and (where the mechanism sends it) the
 * secret it presented, so a test can check the application used the configured credentials.
 *
 * @param user the authentication identity
 * @param mechanism the SASL mechanism used
 * @param secret the password (PLAIN, LOGIN) or bearer token (XOAUTH2); null for CRAM-MD5
 */
public record Authentication(String user, AuthMechanism mechanism, String secret) {

    /**
     * Checks that user and mechanism are present.
     *
     * @param user the user name
     * @param mechanism the SASL mechanism
     * @param secret the secret the client sent
     */
    public Authentication {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(mechanism, "mechanism");
    }

    /** {@return the password or token, empty for CRAM-MD5, where it never crosses the wire} */
    public Optional<String> secretIfSent() {
        return Optional.ofNullable(secret);
    }

    /** Shows the user and mechanism, never the secret. */
    @Override
    public String toString() {
        return user + " via " + mechanism.keyword();
    }
}
