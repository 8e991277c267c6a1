package dev.fakesmtp.internal.tls;

import dev.fakesmtp.FakeSmtpException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collections;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A server's TLS identity and what a client needs to trust it: the server-side
 * {@link SSLContext}, and a trust store with the certificate authority at the root of the
 * server's chain. Immutable; SSLContext is thread-safe.
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

    /**
     * Material from a key store holding one private key entry; clients are told to trust the
     * last certificate of its chain (the root), or {@code caPem} when given.
     */
    public static TlsMaterial fromKeyStore(KeyStore keyStore, char[] password, String caPem) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            X509Certificate root = rootOf(keyStore);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("fake-smtp-ca", root);
            return new TlsMaterial(context, trust, caPem != null ? caPem : pem(root));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new FakeSmtpException("Cannot use the key store for TLS: " + e.getMessage(), e);
        }
    }

    /** Material from a ready server context; clients get no trust material from it. */
    public static TlsMaterial fromServerContext(SSLContext context) {
        return new TlsMaterial(context, null, null);
    }

    private static X509Certificate rootOf(KeyStore keyStore) throws GeneralSecurityException {
        for (String alias : Collections.list(keyStore.aliases())) {
            if (keyStore.isKeyEntry(alias)) {
                Certificate[] chain = keyStore.getCertificateChain(alias);
                if (chain != null && chain.length > 0) {
                    return (X509Certificate) chain[chain.length - 1];
                }
            }
        }
        throw new GeneralSecurityException("the key store has no private key entry with a certificate chain");
    }

    private static String pem(X509Certificate certificate) throws GeneralSecurityException {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded());
        return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
    }

    /** The context the server's TLS sockets come from. */
    public SSLContext serverContext() {
        return serverContext;
    }

    /** True when clients can be given trust material. */
    public boolean hasClientTrust() {
        return trustStore != null;
    }

    /** A trust store with the CA, for clients. */
    public KeyStore trustStore() {
        requireClientTrust();
        return trustStore;
    }

    /** The CA certificate in PEM form. */
    public String caPem() {
        requireClientTrust();
        return caPem;
    }

    /** A client context that trusts the CA and nothing else; made once. */
    public SSLContext clientContext() {
        requireClientTrust();
        SSLContext context = clientContext;
        if (context == null) {
            try {
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(trustStore);
                context = SSLContext.getInstance("TLS");
                context.init(null, trust.getTrustManagers(), null);
                clientContext = context;
            } catch (GeneralSecurityException e) {
                throw new FakeSmtpException("Cannot build the client SSLContext: " + e.getMessage(), e);
            }
        }
        return context;
    }

    private void requireClientTrust() {
        if (trustStore == null) {
            throw new IllegalStateException("The server was given an SSLContext, so fake-smtp does not know which "
                    + "certificate clients should trust: give clients your own trust material, or configure the "
                    + "server with tlsKeyStore(..) instead");
        }
    }
}
