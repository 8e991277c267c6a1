package dev.fakesmtp.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpException;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.support.AngusMail;
import dev.fakesmtp.support.Eventually;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assumptions;

/** Key material and client contexts the TLS tests share; nothing here trusts blindly. */
final class TlsFixtures {

    /** The bundled server key store on the classpath, and its (public, test-only) password. */
    static final String SERVER_P12 = "/dev/fakesmtp/tls/fake-smtp-server.p12";
    static final char[] SERVER_P12_PASSWORD = "fake-smtp-test-only".toCharArray();
    static final String CA_PEM = "/dev/fakesmtp/tls/fake-smtp-ca.pem";

    private TlsFixtures() {
    }

    /** The bundled server key store, loaded from the classpath like a user's own would be. */
    static KeyStore bundledServerKeyStore() {
        try (InputStream in = TlsFixtures.class.getResourceAsStream(SERVER_P12)) {
            if (in == null) {
                throw new IllegalStateException(SERVER_P12 + " is not on the test classpath");
            }
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, SERVER_P12_PASSWORD);
            return keyStore;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server-side context made by the user from the bundled key store (for {@code sslContext(..)}). */
    static SSLContext userServerContext() throws GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(bundledServerKeyStore(), SERVER_P12_PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** The bundled CA certificate, read from the classpath resource, not from the server. */
    static X509Certificate bundledCa() throws IOException, GeneralSecurityException {
        try (InputStream in = TlsFixtures.class.getResourceAsStream(CA_PEM)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** Parses one PEM certificate. */
    static X509Certificate parsePem(String pem) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    /** A client context that trusts exactly {@code certificate}. */
    static SSLContext clientTrusting(X509Certificate certificate) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", certificate);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagersOf(trust), null);
        return context;
    }

    /** The JDK's default client context: the public CAs of {@code cacerts}, not fake-smtp's CA. */
    static SSLContext jdkDefaultContext() throws GeneralSecurityException {
        return SSLContext.getDefault();
    }

    /** Trust managers that trust exactly the certificates in {@code trustStore}. */
    static TrustManager[] trustManagersOf(KeyStore trustStore) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trustStore);
        return factory.getTrustManagers();
    }

    /** Starts the server, or skips the test where its address cannot be bound (e.g. 127.0.0.2 on macOS). */
    static FakeSmtpServer startOrAbort(FakeSmtpServer.Builder builder) {
        try {
            return builder.build().start();
        } catch (FakeSmtpException e) {
            Assumptions.abort("Cannot bind here: " + e.getMessage());
            throw e;
        }
    }

    /**
     * The {@code index}-th session once the server has recorded its failed handshake; the client
     * gives up first, so the server's record is awaited (5 s at most).
     */
    static SmtpSession awaitFailedHandshake(FakeSmtpServer server, int index) {
        Eventually.assertWithin(AngusMail.WAIT, () -> assertThat(server.sessions()).hasSizeGreaterThan(index)
                .element(index).extracting(SmtpSession::end).isEqualTo(SessionEnd.TLS_HANDSHAKE_FAILED));
        return server.sessions().get(index);
    }

    /** The only session the server saw. */
    static SmtpSession onlySession(FakeSmtpServer server) {
        List<SmtpSession> sessions = server.sessions();
        if (sessions.size() != 1) {
            throw new AssertionError("Expected one session, got " + sessions);
        }
        return sessions.get(0);
    }
}
