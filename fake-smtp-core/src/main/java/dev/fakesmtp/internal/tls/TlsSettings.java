package dev.fakesmtp.internal.tls;

import java.util.List;
import java.util.function.Supplier;

/**
 * How a server does TLS.
 *
 * @param startTls whether STARTTLS is offered on the plain port
 * @param requireTls whether MAIL, RCPT, DATA, BDAT and AUTH need TLS first (530 5.7.0)
 * @param implicitTlsOnly whether the main port speaks TLS from the first byte
 * @param implicitTlsPort a second port with implicit TLS: -1 for none, 0 for a free one
 * @param protocols the enabled protocol versions, e.g. TLSv1.3 and TLSv1.2
 * @param material the key material, resolved on first use (the bundled one loads lazily)
 */
public record TlsSettings(boolean startTls, boolean requireTls, boolean implicitTlsOnly, int implicitTlsPort,
                          List<String> protocols, Supplier<TlsMaterial> material) {

    /** No TLS at all. */
    public static final TlsSettings NONE = new TlsSettings(false, false, false, -1,
            List.of("TLSv1.3", "TLSv1.2"), BundledTls::material);

    /** Copies the protocol list. */
    public TlsSettings {
        protocols = List.copyOf(protocols);
    }

    /** True when any port or command of the server can do TLS. */
    public boolean enabled() {
        return startTls || implicitTlsOnly || implicitTlsPort >= 0;
    }
}
