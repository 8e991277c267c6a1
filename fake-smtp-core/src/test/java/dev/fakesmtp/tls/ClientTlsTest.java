package dev.fakesmtp.tls;

import static dev.fakesmtp.support.AngusMail.withTimeouts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.ClientTls;
import dev.fakesmtp.FakeSmtpException;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.AngusMail;
import dev.fakesmtp.support.SmtpDialogue;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the server hands clients to trust it (the CA as PEM, trust store and SSLContext), and user key material. */
@Timeout(20)
class ClientTlsTest {

    @Test
    void caCertificatePemIsTheBundledSelfSignedCa() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start()) {
            String pem = server.clientTls().caCertificatePem();
            assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----").contains("-----END CERTIFICATE-----");

            X509Certificate ca = TlsFixtures.parsePem(pem);
            assertThat(ca.getSubjectX500Principal().getName()).contains("fake-smtp test CA");
            assertThat(ca.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
            assertThat(ca.getBasicConstraints()).as("a CA certificate").isGreaterThanOrEqualTo(0);
            ca.verify(ca.getPublicKey());
            ca.checkValidity();
            Duration validity = Duration.between(ca.getNotBefore().toInstant(), ca.getNotAfter().toInstant());
            assertThat(validity.toDays()).as("valid for a century").isGreaterThanOrEqualTo(36_000);
            assertThat(ca).isEqualTo(TlsFixtures.bundledCa());
        }
    }

    /**
     * Under Nagle's algorithm each small TLS record a client writes waits for the server's
     * delayed ACK: Jakarta Mail's STARTTLS dialogues took about 40 ms longer with it on.
     */
    @Test
    void socketFactoryTurnsNaglesAlgorithmOffOnTheSocketsItLayersAndMakes() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start()) {
            SSLSocketFactory factory = server.clientTls().socketFactory();
            try (Socket plain = new Socket(server.host(), server.port())) {
                plain.setTcpNoDelay(false);
                try (Socket layered = factory.createSocket(plain, server.host(), server.port(), true)) {
                    assertThat(layered.getTcpNoDelay()).isTrue();
                    assertThat(plain.getTcpNoDelay()).as("the socket STARTTLS layers TLS over").isTrue();
                }
            }
            try (Socket made = factory.createSocket(server.host(), server.port())) {
                assertThat(made.getTcpNoDelay()).isTrue();
            }
        }
    }

    @Test
    void trustStoreHoldsOnlyTheCaAndIsAFreshCopyEachTime() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start()) {
            ClientTls clientTls = server.clientTls();
            KeyStore trustStore = clientTls.trustStore();
            List<String> aliases = Collections.list(trustStore.aliases());
            assertThat(aliases).hasSize(1);
            assertThat(trustStore.isCertificateEntry(aliases.get(0))).isTrue();
            assertThat(trustStore.getCertificate(aliases.get(0)))
                    .isEqualTo(TlsFixtures.parsePem(clientTls.caCertificatePem()));

            trustStore.deleteEntry(aliases.get(0));
            assertThat(clientTls.trustStore().size()).as("changing a copy changes nothing").isEqualTo(1);
        }
    }

    @Test
    void sslContextTrustsTheServerChainWhichNamesLocalhostAndLoopbackAddresses() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("STARTTLS").expect("220 2.0.0 ");
            smtp.startTls(server.clientTls().sslContext());

            Certificate[] chain = smtp.tlsSession().getPeerCertificates();
            X509Certificate leaf = (X509Certificate) chain[0];
            X509Certificate ca = TlsFixtures.parsePem(server.clientTls().caCertificatePem());
            leaf.verify(ca.getPublicKey());
            assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
            assertThat(leaf.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1"); // serverAuth
            List<String> names = leaf.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1)))
                    .toList();
            assertThat(names).contains("localhost", "127.0.0.1").anyMatch(name -> name.matches("0:0:0:0:0:0:0:1|::1"));
            smtp.send("EHLO client.test").expect("250 ");
        }
    }

    @Test
    void socketFactoryComesFromTheTrustingContext() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls().build().start()) {
            ClientTls clientTls = server.clientTls();
            Properties properties = withTimeouts(server.mailProperties());
            properties.put("mail.smtp.ssl.socketFactory", clientTls.socketFactory());
            AngusMail.send(properties, "factory");
            assertThat(AngusMail.awaitOne(server).envelope().tls()).isPresent();
        }
    }

    @Test
    void everyServerWithTheBundledMaterialHandsOutTheSameCa() {
        try (FakeSmtpServer one = FakeSmtpServer.builder().startTls().build().start();
             FakeSmtpServer two = FakeSmtpServer.builder().implicitTls().build().start()) {
            assertThat(one.clientTls().caCertificatePem()).isEqualTo(two.clientTls().caCertificatePem());
        }
    }

    @Test
    void aUserKeyStoreIsServedAndItsRootIsHandedToClients() throws Exception {
        KeyStore keyStore = TlsFixtures.bundledServerKeyStore();
        try (FakeSmtpServer server = FakeSmtpServer.builder().requireTls()
                .tlsKeyStore(keyStore, TlsFixtures.SERVER_P12_PASSWORD).build().start()) {
            String pem = server.clientTls().caCertificatePem();
            assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
            assertThat(pem.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
            assertThat(TlsFixtures.parsePem(pem)).isEqualTo(TlsFixtures.bundledCa());

            AngusMail.send(withTimeouts(server.mailProperties()), "user key store");
            assertThat(AngusMail.awaitOne(server).envelope().tls().orElseThrow().protocol()).isEqualTo("TLSv1.3");
        }
    }

    @Test
    void aKeyStoreWithAWrongPasswordOrWithoutAKeyIsRejectedWhenConfigured() throws Exception {
        KeyStore keyStore = TlsFixtures.bundledServerKeyStore();
        assertThatThrownBy(() -> FakeSmtpServer.builder().tlsKeyStore(keyStore, "wrong".toCharArray()))
                .isInstanceOf(FakeSmtpException.class).hasMessageContaining("key store");

        KeyStore onlyCertificates;
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build()) {
            onlyCertificates = server.clientTls().trustStore();
        }
        assertThatThrownBy(() -> FakeSmtpServer.builder().tlsKeyStore(onlyCertificates, new char[0]))
                .isInstanceOf(FakeSmtpException.class).hasMessageContaining("private key");
    }

    @Test
    void aUserSslContextServesTlsButClientTlsExplainsWhyItCannotHelp() throws Exception {
        SSLContext serverContext = TlsFixtures.userServerContext();
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().sslContext(serverContext).build().start()) {
            assertThatThrownBy(server::clientTls).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("SSLContext")
                    .hasMessageContaining("tlsKeyStore(..)");

            // The user brings the trust that belongs to their own context.
            SSLContext trusting = TlsFixtures.clientTrusting(TlsFixtures.bundledCa());
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send("STARTTLS").expect("220 2.0.0 ");
                smtp.startTls(trusting);
                smtp.send("EHLO client.test").expect("250 ");
                smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
                smtp.send("RCPT TO:<b@example.com>").expect("250 ");
                smtp.send("DATA").expect("354 ");
                smtp.sendRaw("Subject: own context\r\n\r\nhi\r\n.\r\n").expect("250 ");
            }
            assertThat(AngusMail.awaitOne(server).envelope().tls()).isPresent();
        }
    }
}
