package dev.fakesmtp;

import java.util.Objects;

/**
 * The TLS parameters a session negotiated, through STARTTLS or implicit TLS.
 *
 * @param protocol the protocol version, e.g. {@code "TLSv1.3"}
 * @param cipherSuite the cipher suite, e.g. {@code "TLS_AES_128_GCM_SHA256"}
 * @param implicit true for implicit TLS (RFC 8314, "port 465"), false for STARTTLS
 */
public record TlsInfo(String protocol, String cipherSuite, boolean implicit) {

    /**
     * Checks that no part is null.
     *
     * @param protocol the TLS protocol, e.g. {@code "TLSv1.3"}
     * @param cipherSuite the negotiated cipher suite
     * @param implicit true for implicit TLS, false for STARTTLS
     */
    public TlsInfo {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
    }

    @Override
    public String toString() {
        return (implicit ? "implicit " : "STARTTLS ") + protocol + " " + cipherSuite;
    }
}
