package dev.fakesmtp.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.TlsInfo;
import dev.fakesmtp.Violation;
import dev.fakesmtp.support.SmtpDialogue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** STARTTLS (RFC 3207) reply by reply, with a raw client. */
@Timeout(20)
class StartTlsDialogueTest {

    private static FakeSmtpServer startTlsServer() {
        return FakeSmtpServer.builder().startTls().build().start();
    }

    /** EHLO, STARTTLS, handshake: the connection is in TLS and waits for a new EHLO. */
    private static SmtpDialogue inTls(FakeSmtpServer server) {
        SmtpDialogue smtp = SmtpDialogue.afterEhlo(server);
        smtp.send("STARTTLS").expect("220 2.0.0 ");
        return smtp.startTls(server.clientTls().sslContext());
    }

    @Test
    void notAdvertisedAndNotAcceptedByDefault() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start(); SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            assertThat(smtp.send("EHLO client.test").expect("250 ")).noneMatch(line -> line.contains("STARTTLS"));
            smtp.send("STARTTLS").expect("502 5.5.1 ");
            smtp.send("NOOP").expect("250 ");
        }
    }

    @Test
    void advertisedWhenEnabledAndAnsweredWith220ThenTheHandshake() {
        try (FakeSmtpServer server = startTlsServer(); SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            List<String> ehlo = smtp.send("EHLO client.test").expect("250 ");
            assertThat(ehlo).filteredOn(line -> line.endsWith("STARTTLS")).singleElement()
                    .satisfies(line -> assertThat(line).matches("250[- ]STARTTLS"));
            assertThat(smtp.send("STARTTLS").expect("220 ")).containsExactly("220 2.0.0 Ready to start TLS");
            smtp.startTls(server.clientTls().sslContext());
            // The client's handshake can finish before the server's: a round trip orders the two.
            smtp.send("NOOP").expect("250 ");

            TlsInfo tls = server.sessions().get(0).tls().orElseThrow();
            assertThat(tls.protocol()).isEqualTo("TLSv1.3").isEqualTo(smtp.tlsSession().getProtocol());
            assertThat(tls.cipherSuite()).isEqualTo(smtp.tlsSession().getCipherSuite());
            assertThat(tls.implicit()).isFalse();
        }
    }

    @Test
    void afterTheHandshakeTheClientMustSayEhloAgainAndStartTlsIsNoLongerOffered() {
        try (FakeSmtpServer server = startTlsServer(); SmtpDialogue smtp = inTls(server)) {
            smtp.send("MAIL FROM:<a@example.com>").expect("503 5.5.1 ");
            List<String> ehlo = smtp.send("EHLO client.test").expect("250 ");
            assertThat(ehlo).noneMatch(line -> line.contains("STARTTLS"))
                    .contains("250-PIPELINING")
                    .anyMatch(line -> line.startsWith("250-AUTH ") || line.startsWith("250 AUTH "));
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0 ");
        }
    }

    @Test
    void startTlsTwiceGets503() {
        try (FakeSmtpServer server = startTlsServer(); SmtpDialogue smtp = inTls(server)) {
            smtp.send("STARTTLS").expect("503 5.5.1 ");
            smtp.send("EHLO client.test").expect("250 ");
            smtp.send("STARTTLS").expect("503 5.5.1 ");
            smtp.send("NOOP").expect("250 ");
        }
    }

    @Test
    void startTlsInsideATransactionGets503AndTheTransactionGoesOn() {
        try (FakeSmtpServer server = startTlsServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0 ");
            smtp.send("STARTTLS").expect("503 5.5.1 ");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5 ");
            smtp.send("STARTTLS").expect("503 5.5.1 ");
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw("Subject: still clear\r\n\r\nhi\r\n.\r\n").expect("250 2.0.0 ");

            assertThat(server.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0).envelope().tls()).isEmpty();
            assertThat(server.sessions().get(0).violations()).extracting(Violation::type)
                    .filteredOn(Violation.Type.COMMAND_OUT_OF_SEQUENCE::equals).hasSize(2);
        }
    }

    @Test
    void startTlsWithAnArgumentGets501() {
        try (FakeSmtpServer server = startTlsServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("STARTTLS now").expect("501 5.5.4 ");
            assertThat(server.sessions().get(0).tls()).isEmpty();
            smtp.send("starttls").expect("220 2.0.0 ");
            smtp.startTls(server.clientTls().sslContext());
            smtp.send("NOOP").expect("250 ");
            assertThat(server.sessions().get(0).tls()).isPresent();
        }
    }

    /** STARTTLS is an extension a client learns of from EHLO (RFC 3207 §4): after HELO it is out of sequence. */
    @Test
    void startTlsNeedsEhloAndHeloWorksInsideTls() {
        try (FakeSmtpServer server = startTlsServer(); SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            smtp.send("HELO client.test").expect("250 ");
            smtp.send("STARTTLS").expect("503 5.5.1 ");
            smtp.send("EHLO client.test").expect("250 ");
            smtp.send("STARTTLS").expect("220 2.0.0 ");
            smtp.startTls(server.clientTls().sslContext());
            smtp.send("HELO client.test").expect("250 ");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
        }
    }

    @Test
    void theHandshakeForgetsTheEhloNameAndTheAuthentication() {
        try (FakeSmtpServer server = startTlsServer(); SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            smtp.send("EHLO before.test").expect("250 ");
            smtp.send("AUTH PLAIN " + plain("mallory", "clear")).expect("235 2.7.0 ");
            assertThat(server.sessions().get(0).authentication()).isPresent();
            smtp.send("STARTTLS").expect("220 2.0.0 ");
            smtp.startTls(server.clientTls().sslContext());

            smtp.send("EHLO after.test").expect("250 ");
            assertThat(server.sessions().get(0).authentication()).as("AUTH is forgotten").isEmpty();
            smtp.send("AUTH PLAIN " + plain("alice", "in-tls")).expect("235 2.7.0 "); // not 503: no earlier AUTH
            smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
            smtp.send("RCPT TO:<b@example.com>").expect("250 ");
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw("Subject: reset\r\n\r\nhi\r\n.\r\n").expect("250 ");

            ReceivedMail mail = server.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            assertThat(mail.envelope().heloName()).isEqualTo("after.test");
            assertThat(mail.envelope().authenticatedUser()).contains("alice");
            assertThat(mail.envelope().tls()).isPresent();
        }
    }

    @Test
    void authBeforeStartTlsDoesNotSatisfyRequireAuthAfterwards() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().requireAuth().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("AUTH PLAIN " + plain("alice", "pw")).expect("235 2.7.0 ");
            smtp.send("STARTTLS").expect("220 2.0.0 ");
            smtp.startTls(server.clientTls().sslContext());
            smtp.send("EHLO client.test").expect("250 ");
            smtp.send("MAIL FROM:<a@example.com>").expect("530 5.7.0 ");
        }
    }

    @Test
    void commandsPipelinedBehindStartTlsAreDiscardedAndRecorded() {
        try (FakeSmtpServer server = startTlsServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            String injected = "MAIL FROM:<injected@example.com>\r\n";
            smtp.sendRaw("STARTTLS\r\n" + injected).expect("220 2.0.0 ");
            smtp.startTls(server.clientTls().sslContext());
            smtp.send("EHLO client.test").expect("250 ");
            // 503: the injected MAIL opened no transaction.
            smtp.send("RCPT TO:<b@example.com>").expect("503 5.5.1 ");

            SmtpSession session = server.sessions().get(0);
            assertThat(session.violations()).filteredOn(v -> v.type() == Violation.Type.DATA_AFTER_STARTTLS)
                    .singleElement()
                    .satisfies(v -> assertThat(v.detail()).contains(String.valueOf(injected.length())));
            assertThat(session.transcriptText()).doesNotContain("injected@example.com");
        }
    }

    @Test
    void noViolationWhenTheClientWaitsForThe220() {
        try (FakeSmtpServer server = startTlsServer(); SmtpDialogue smtp = inTls(server)) {
            smtp.send("EHLO client.test").expect("250 ");
            smtp.send("QUIT").expect("221 ");
            smtp.expectClosed();
            assertThat(server.sessions().get(0).violations()).isEmpty();
        }
    }

    static String plain(String user, String password) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }
}
