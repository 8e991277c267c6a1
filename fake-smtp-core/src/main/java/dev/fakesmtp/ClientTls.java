package dev.fakesmtp;

import dev.fakesmtp.internal.tls.NoDelaySocketFactory;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * What a client needs to trust a {@link FakeSmtpServer} with certificate and hostname
 * verification on: the certificate authority that signed the server's certificate, as a
 * {@link KeyStore}, as PEM, and as a ready {@link SSLContext} that trusts it and nothing else.
 *
 * <pre>{@code
 * SSLContext trusting = smtp.clientTls().sslContext();
 * }</pre>
 */
public final class ClientTls {

    private final SSLContext sslContext;
    private final SSLSocketFactory socketFactory;
    private final KeyStore trustStore;
    private final String caCertificatePem;

    ClientTls(SSLContext sslContext, KeyStore trustStore, String caCertificatePem) {
        this.sslContext = sslContext;
        this.socketFactory = new NoDelaySocketFactory(sslContext.getSocketFactory());
        this.trustStore = trustStore;
        this.caCertificatePem = caCertificatePem;
    }

    /** {@return a client {@link SSLContext} that trusts only the server's certificate authority} */
    public SSLContext sslContext() {
        return sslContext;
    }

    /**
     * The socket factory of {@link #sslContext()}, with Nagle's algorithm off (TCP_NODELAY) on every
     * socket it makes or layers TLS over: with it on, each STARTTLS dialogue of Jakarta Mail waited
     * about 40 ms for delayed ACKs.
     *
     * @return a socket factory for {@code mail.smtp.ssl.socketFactory} and other clients
     */
    public SSLSocketFactory socketFactory() {
        return socketFactory;
    }

    /** {@return a new PKCS#12 trust store (no password) holding the certificate authority} */
    public KeyStore trustStore() {
        try {
            KeyStore copy = KeyStore.getInstance("PKCS12");
            copy.load(null, null);
            copy.setCertificateEntry("fake-smtp-ca", trustStore.getCertificate("fake-smtp-ca"));
            return copy;
        } catch (KeyStoreException | NoSuchAlgorithmException | CertificateException | java.io.IOException e) {
            throw new FakeSmtpException("Cannot copy the trust store: " + e.getMessage(), e);
        }
    }

    /** {@return the certificate authority as PEM text ({@code -----BEGIN CERTIFICATE-----...})} */
    public String caCertificatePem() {
        return caCertificatePem;
    }
}
