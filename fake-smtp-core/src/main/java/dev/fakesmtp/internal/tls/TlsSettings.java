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
 * @param material makes the server's key material; called once, on first use, so a server
 *     without TLS never pays for it, and each server (each {@code build()}) has its own
 */
public record TlsSettings(boolean startTls, boolean requireTls, boolean implicitTlsOnly, int implicitTlsPort,
                          List<String> protocols, Supplier<TlsMaterial> material) {

    /** Copies the protocol list; the material is made once, on first use. */
    public TlsSettings {
        protocols = List.copyOf(protocols);
        material = new Once<>(material);
    }

    /** True when any port or command of the server can do TLS. */
    public boolean enabled() {
        return startTls || implicitTlsOnly || implicitTlsPort >= 0;
    }

    /** A supplier that asks its source once, on first use, and remembers the answer. */
    private static final class Once<T> implements Supplier<T> {
        private final Supplier<T> source;
        private volatile T value;

        Once(Supplier<T> source) {
            this.source = source;
        }

        @Override
        public T get() {
            T result = value;
            if (result == null) {
                synchronized (this) {
                    result = value;
                    if (result == null) {
                        result = source.get();
                        value = result;
                    }
                }
            }
            return result;
        }
    }
}
