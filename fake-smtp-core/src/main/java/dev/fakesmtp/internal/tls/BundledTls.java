package dev.fakesmtp.internal.tls;

import dev.fakesmtp.FakeSmtpException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * The test-only certificate authority and server key that ship in the jar (made by
 * {@code src/main/tls/generate-test-certificates.sh}). Read and decrypted once per JVM, on first
 * use, by the holder idiom (a server without TLS never pays for it), into an immutable
 * {@link TlsIdentity}; each server makes its own contexts from it.
 */
public final class BundledTls {

    /** The password of the bundled PKCS#12 file; the key is public, this protects nothing. */
    static final char[] PASSWORD = "fake-smtp-test-only".toCharArray();
    private static final String RESOURCES = "/dev/fakesmtp/tls/";

    private BundledTls() {
    }

    /** The bundled server key and certificate chain (server, CA), shared read-only by every server. */
    public static TlsIdentity identity() {
        return Holder.IDENTITY;
    }

    private static final class Holder {
        static final TlsIdentity IDENTITY = load();

        private static TlsIdentity load() {
            try (InputStream keyStoreIn = open("fake-smtp-server.p12"); InputStream caIn = open("fake-smtp-ca.pem")) {
                KeyStore keyStore = KeyStore.getInstance("PKCS12");
                keyStore.load(keyStoreIn, PASSWORD);
                String caPem = new String(caIn.readAllBytes(), StandardCharsets.US_ASCII);
                return TlsIdentity.fromKeyStore(keyStore, PASSWORD, caPem);
            } catch (IOException | GeneralSecurityException e) {
                throw new FakeSmtpException("Cannot load fake-smtp's bundled test certificate: " + e.getMessage(), e);
            }
        }

        private static InputStream open(String name) throws IOException {
            InputStream in = BundledTls.class.getResourceAsStream(RESOURCES + name);
            if (in == null) {
                throw new IOException(RESOURCES + name + " is missing from the classpath");
            }
            return in;
        }
    }
}
