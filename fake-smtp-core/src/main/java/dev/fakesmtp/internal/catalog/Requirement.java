package dev.fakesmtp.internal.catalog;

import dev.fakesmtp.Extension;
import dev.fakesmtp.internal.ServerSettings;
import dev.fakesmtp.internal.tls.TlsSettings;
import java.util.Optional;

/** What a failure case needs the server to offer, so that a client can meet it at all. */
public enum Requirement {
    /** Nothing: every server can fail this way. */
    NONE,
    /** STARTTLS on the main port. */
    STARTTLS,
    /** A TLS handshake on the main port: STARTTLS, or implicit TLS. */
    TLS_HANDSHAKE,
    /** The AUTH extension. */
    AUTH,
    /** The CHUNKING extension (BDAT). */
    CHUNKING,
    /**
     * A server without ESMTP: no STARTTLS offered, required or not, and no AUTH required (both
     * need EHLO), so a client that falls back to HELO can send.
     */
    PLAIN_HELO_WORKS;

    /**
     * Why a server cannot meet this requirement.
     *
     * @param settings the server's configuration
     * @return the reason, or empty when it meets it
     */
    public Optional<String> unmetBy(ServerSettings settings) {
        TlsSettings tls = settings.tls();
        boolean startTls = tls.startTls() && !tls.implicitTlsOnly();
        return Optional.ofNullable(switch (this) {
            case NONE -> null;
            case STARTTLS -> startTls ? null : tls.implicitTlsOnly()
                    ? "the server speaks implicit TLS, so there is no STARTTLS to fail"
                    : "the server does not offer STARTTLS (build it with startTls() or requireTls())";
            case TLS_HANDSHAKE -> startTls || tls.implicitTlsOnly() ? null
                    : "the server's main port has no TLS (build it with startTls(), requireTls() or implicitTls())";
            case AUTH -> settings.advertises(Extension.AUTH) && !settings.auth().mechanisms().isEmpty() ? null
                    : "the server does not offer AUTH";
            case CHUNKING -> settings.advertises(Extension.CHUNKING) ? null
                    : "the server does not offer CHUNKING, so no client sends BDAT";
            case PLAIN_HELO_WORKS -> startTls || settings.auth().requireAuth()
                    ? "the server " + (startTls ? "offers STARTTLS" : "requires AUTH") + ", which a server that"
                            + " does not know EHLO cannot, and a client that fell back to HELO cannot use"
                    : null;
        });
    }
}
