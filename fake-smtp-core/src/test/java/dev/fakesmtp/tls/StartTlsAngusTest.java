package dev.fakesmtp.tls;

import static dev.fakesmtp.support.AngusMail.awaitOne;
import static dev.fakesmtp.support.AngusMail.withTimeouts;
import static dev.fakesmtp.tls.TlsFixtures.onlySession;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.Envelope;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.TlsInfo;
import dev.fakesmtp.support.AngusMail;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Angus Mail over STARTTLS with {@code mail.smtp.starttls.required=true} and hostname
 * verification on, trusting only what the server hands out (RFC 3207).
 */
@Timeout(20)
class StartTlsAngusTest {

    @Test
    void mailPropertiesRequireStartTlsWithVerificationAndNoBlindTrust() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start()) {
            Properties properties = server.mailProperties();
            assertThat(properties).containsEntry("mail.smtp.host", server.host())
                    .containsEntry("mail.smtp.port", String.valueOf(server.port()))
                    .containsEntry("mail.smtp.starttls.enable", "true")
                    .containsEntry("mail.smtp.starttls.required", "true")
                    .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
                    .containsEntry("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2")
                    .doesNotContainKeys("mail.smtp.ssl.trust", "mail.smtp.ssl.enable");
            assertThat(properties.get("mail.smtp.ssl.socketFactory")).isInstanceOf(SSLSocketFactory.class);
        }
    }

    @Test
    void angusSendsOverStartTlsWithTheServersMailProperties() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start()) {
            AngusMail.send(withTimeouts(server.mailProperties()), "starttls");

            ReceivedMail mail = awaitOne(server);
            assertThat(mail.subject()).isEqualTo("starttls");
            TlsInfo tls = mail.envelope().tls().orElseThrow();
            assertThat(tls.protocol()).isEqualTo("TLSv1.3");
            assertThat(tls.cipherSuite()).startsWith("TLS_");
            assertThat(tls.implicit()).isFalse();
            assertThat(tls.toString()).startsWith("STARTTLS TLSv1.3 TLS_");
            assertThat(onlySession(server).tls()).contains(tls);
            assertThat(onlySession(server).transcriptText())
                    .contains("C: STARTTLS", "S: 220 2.0.0 Ready to start TLS")
                    .containsSubsequence("C: EHLO", "C: STARTTLS", "C: EHLO", "C: MAIL FROM");
        }
    }

    @Test
    void angusSendsWhenTrustingOnlyTheClientTlsSocketFactory() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().requireTls().build().start()) {
            Properties properties = AngusMail.plain(server);
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
            properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            properties.put("mail.smtp.ssl.socketFactory", server.clientTls().socketFactory());

            AngusMail.send(properties, "own properties");

            assertThat(awaitOne(server).envelope().tls()).hasValueSatisfying(tls -> {
                assertThat(tls.protocol()).isEqualTo("TLSv1.3");
                assertThat(tls.implicit()).isFalse();
            });
        }
    }

    @Test
    void tlsProtocolsRestrictTheServerToTls12() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().tlsProtocols("TLSv1.2").build().start()) {
            Properties properties = server.mailProperties();
            assertThat(properties).containsEntry("mail.smtp.ssl.protocols", "TLSv1.2");

            AngusMail.send(withTimeouts(properties), "tls 1.2");

            TlsInfo tls = awaitOne(server).envelope().tls().orElseThrow();
            assertThat(tls.protocol()).isEqualTo("TLSv1.2");
            // The bundled key is EC (P-256), so a TLS 1.2 suite is ECDHE-ECDSA.
            assertThat(tls.cipherSuite()).startsWith("TLS_ECDHE_ECDSA_");
        }
    }

    @Test
    void aClientLimitedToTls12GetsTls12FromTheDefaultServer() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start()) {
            Properties properties = withTimeouts(server.mailProperties());
            properties.setProperty("mail.smtp.ssl.protocols", "TLSv1.2");

            AngusMail.send(properties, "client picks 1.2");

            assertThat(awaitOne(server).envelope().tls().orElseThrow().protocol()).isEqualTo("TLSv1.2");
        }
    }

    @Test
    void startTlsThenAuthUnderRequireTls() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().requireTls().credentials("alice", "s3cret")
                .build().start()) {
            Properties properties = withTimeouts(server.mailProperties());
            properties.setProperty("mail.smtp.auth", "true");

            AngusMail.send(properties, "alice", "s3cret", "tls and auth");

            Envelope envelope = awaitOne(server).envelope();
            assertThat(envelope.tls()).isPresent();
            assertThat(envelope.authenticatedUser()).contains("alice");
            assertThat(onlySession(server).transcriptText()).containsSubsequence("C: STARTTLS", "C: AUTH");
            assertThat(onlySession(server).violations()).isEmpty();
        }
    }

    @Test
    void everyMessageOfOneTlsConnectionCarriesTheTls() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start()) {
            Session session = Session.getInstance(withTimeouts(server.mailProperties()));
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                for (int i = 1; i <= 3; i++) {
                    var message = AngusMail.message(session, "message " + i);
                    transport.sendMessage(message, message.getAllRecipients());
                }
            }

            List<ReceivedMail> mails = server.mailbox().awaitMessages(3, Duration.ofSeconds(5));
            assertThat(mails).extracting(mail -> mail.envelope().transactionIndex()).containsExactly(1, 2, 3);
            assertThat(mails).extracting(mail -> mail.envelope().sessionId()).containsOnly(onlySession(server).id());
            assertThat(mails).allSatisfy(mail -> assertThat(mail.envelope().tls()).isPresent());
        }
    }

    @Test
    void concurrentClientsAllNegotiateTls() throws Exception {
        int clients = 8;
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start()) {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<?>> sent = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    String subject = "client " + i;
                    sent.add(pool.submit(() -> {
                        AngusMail.send(withTimeouts(server.mailProperties()), subject);
                        return null;
                    }));
                }
                for (Future<?> future : sent) {
                    future.get(15, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            List<ReceivedMail> mails = server.mailbox().awaitMessages(clients, Duration.ofSeconds(5));
            assertThat(mails).hasSize(clients)
                    .allSatisfy(mail -> assertThat(mail.envelope().tls()).isPresent());
            assertThat(server.sessions()).hasSize(clients);
        }
    }
}
