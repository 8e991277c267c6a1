package dev.fakesmtp.internal.tls;

import dev.fakesmtp.FakeSmtpException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * One server's TLS: the server-side {@link SSLContext}, and what a client needs to trust it (a
 * trust store with the certificate authority at the root of the server's chain, and a client
 * context that trusts only it). Made per server, so the contexts' session caches are that
 * server's alone; SSLContext is thread-safe.
 */
public final class TlsMaterial {

    private final SSLContext serverContext;
    private final KeyStore trustStore;
    private final String caPem;
    private volatile SSLContext clientContext;

    private TlsMaterial(SSLContext serverContext, KeyStore trustStore, String caPem) {
        this.serverContext = serverContext;
        this.trustStore = trustStore;
        this.caPem = caPem;
    }

    /** Material with a new server context over {@code keyManagers}; clients are told to trust {@code root}. */
    static TlsMaterial of(KeyManager[] keyManagers, X509Certificate root, String caPem) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            // No trust managers rather than null: with null the JDK loads its default trust store
            // (cacerts, over a hundred certificates parsed) for a server that never asks clients
            // for a certificate.
            context.init(keyManagers, new TrustManager[0], null);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("fake-smtp-ca", root);
            return new TlsMaterial(context, trust, caPem);
        } catch (GeneralSecurityException | IOException e) {
            throw new FakeSmtpException("Cannot make the TLS contexts: " + e.getMessage(), e);
        }
    }

    /**
     * Material from a ready server context (the user's, shared as the user shares it); clients
     * get no trust material.
     *
     * @param context the server-side context
     * @return material that can serve TLS but not tell clients what to trust
     */
    public static TlsMaterial fromServerContext(SSLContext context) {
        return new TlsMaterial(context, null, null);
    }

    /** The context the server's TLS sockets come from. */
    public SSLContext serverContext() {
        return serverContext;
    }

    /** A trust store with the CA, for clients (copied before it is handed out). */
    public KeyStore trustStore() {
        requireClientTrust();
        return trustStore;
    }

    /** The CA certificate in PEM form. */
    public String caPem() {
        requireClientTrust();
        return caPem;
    }

    /** A client context that trusts the CA and nothing else; made once per server. */
    public SSLContext clientContext() {
        requireClientTrust();
        SSLContext context = clientContext;
        if (context == null) {
            synchronized (this) {
                context = clientContext;
                if (context == null) {
                    context = newClientContext();
                    clientContext = context;
                }
            }
        }
        return context;
    }

    private SSLContext newClientContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new FakeSmtpException("Cannot build the client SSLContext: " + e.getMessage(), e);
        }
    }

    private void requireClientTrust() {
        if (trustStore == null) {
            throw new IllegalStateException("The server was given an SSLContext, so fake-smtp does not know which "
                    + "certificate clients should trust: give clients your own trust material, or configure the "
                    + "server with tlsKeyStore(..) instead");
        }
    }
}
