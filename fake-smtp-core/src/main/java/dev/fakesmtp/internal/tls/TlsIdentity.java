package dev.fakesmtp.internal.tls;

import dev.fakesmtp.FakeSmtpException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collections;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

/**
 * A server's key and certificate chain, and the certificate authority clients are told to trust,
 * read once from a key store. Immutable, so one identity can serve many servers: each server
 * makes its own {@link TlsMaterial} from it, with its own SSLContexts and session caches. The
 * key managers it keeps are the JDK's, which copy the key and chain when made and only read them
 * afterwards (their one cache, of aliases per key type, is derived from them).
 */
public final class TlsIdentity {

    private final KeyManager[] keyManagers;
    private final X509Certificate root;
    private final String caPem;

    private TlsIdentity(KeyManager[] keyManagers, X509Certificate root, String caPem) {
        this.keyManagers = keyManagers;
        this.root = root;
        this.caPem = caPem;
    }

    /**
     * The identity in a key store holding one private key entry; clients are told to trust the
     * last certificate of its chain (the root). The key store is read here and not kept.
     *
     * @param keyStore a key store with one private key entry and its chain
     * @param password the password of the key entry
     * @return the identity
     * @throws FakeSmtpException if the key store has no usable key entry or the password is wrong
     */
    public static TlsIdentity fromKeyStore(KeyStore keyStore, char[] password) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, password);
            X509Certificate root = rootOf(keyStore);
            return new TlsIdentity(keys.getKeyManagers(), root, pem(root));
        } catch (GeneralSecurityException e) {
            throw new FakeSmtpException("Cannot use the key store for TLS: " + e.getMessage(), e);
        }
    }

    /**
     * The identity of one key and its chain (server first, root last); clients are told to trust
     * {@code caPem}.
     *
     * @param key the server's private key
     * @param chain its certificate chain, the server's certificate first
     * @param caPem the CA certificate to hand to clients as PEM
     * @return the identity
     */
    static TlsIdentity fromKey(PrivateKey key, X509Certificate[] chain, String caPem) {
        return new TlsIdentity(new KeyManager[] {new FixedKeyManager(key, chain)}, chain[chain.length - 1], caPem);
    }

    /**
     * New contexts for one server: their session caches belong to that server alone.
     *
     * @return a new server context over this identity, with trust material for clients
     */
    public TlsMaterial newMaterial() {
        return TlsMaterial.of(keyManagers.clone(), root, caPem);
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
}
