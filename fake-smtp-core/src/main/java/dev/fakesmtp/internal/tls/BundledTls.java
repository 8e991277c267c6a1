package dev.fakesmtp.internal.tls;

import dev.fakesmtp.FakeSmtpException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The test-only certificate authority and server key that ship in the jar (made by
 * {@code src/main/tls/generate-test-certificates.sh}). Read once per JVM, on first
 * use, by the holder idiom (a server without TLS never pays for it), into an immutable
 * {@link TlsIdentity}; each server makes its own contexts from it.
 */
public final class BundledTls {

    private static final String RESOURCES = "/dev/fakesmtp/tls/";

    private BundledTls() {
    }

    /** The bundled server key and certificate chain (server, CA), shared read-only by every server. */
    public static TlsIdentity identity() {
        return Holder.IDENTITY;
    }

    private static final class Holder {
        static final TlsIdentity IDENTITY = load();

        /**
         * The unencrypted copies of the key and chain: reading them takes a millisecond, where the
         * password-protected PKCS#12 store took about 100 ms of PBKDF2 in a fresh JVM.
         */
        private static TlsIdentity load() {
            try (InputStream keyIn = open("fake-smtp-server-key.pem"); InputStream chainIn = open("fake-smtp-server-chain.pem");
                 InputStream caIn = open("fake-smtp-ca.pem")) {
                PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                        pemBody(new String(keyIn.readAllBytes(), StandardCharsets.US_ASCII), "PRIVATE KEY")));
                X509Certificate[] chain = CertificateFactory.getInstance("X.509").generateCertificates(chainIn).stream()
                        .map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
                String caPem = new String(caIn.readAllBytes(), StandardCharsets.US_ASCII);
                return TlsIdentity.fromKey(key, chain, caPem);
            } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
                throw new FakeSmtpException("Cannot load fake-smtp's bundled test certificate: " + e.getMessage(), e);
            }
        }

        private static byte[] pemBody(String pem, String label) {
            String begin = "-----BEGIN " + label + "-----";
            String end = "-----END " + label + "-----";
            int from = pem.indexOf(begin);
            int to = pem.indexOf(end);
            if (from < 0 || to < from) {
                throw new IllegalArgumentException("no " + label + " in the PEM text");
            }
            return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
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
