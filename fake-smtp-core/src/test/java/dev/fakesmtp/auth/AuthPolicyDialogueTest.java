package dev.fakesmtp.auth;

import static dev.fakesmtp.auth.Sasl.plain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.AuthMechanism;
import dev.fakesmtp.Envelope;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.Violation;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** requireAuth(), authOnlyAfterTls(), AUTH in clear text, and what a mail's envelope says about AUTH. */
@Timeout(20)
class AuthPolicyDialogueTest {

    private static boolean advertisesAuth(List<String> ehlo) {
        return ehlo.stream().anyMatch(line -> line.matches("250[- ]AUTH .*"));
    }

    private static ReceivedMail sendMail(FakeSmtpServer server, SmtpDialogue smtp, String mailFrom) {
        int before = server.mailbox().size();
        smtp.send(mailFrom).expect("250 2.1.0 ");
        smtp.send("RCPT TO:<b@example.com>").expect("250 ");
        smtp.send("DATA").expect("354 ");
        smtp.sendRaw("Subject: auth\r\n\r\nhi\r\n.\r\n").expect("250 2.0.0 ");
        return server.mailbox().awaitMessages(before + 1, Duration.ofSeconds(5)).get(before);
    }

    @Test
    void requireAuthRefusesMailBeforeAuth() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().requireAuth().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            assertThat(smtp.send("MAIL FROM:<a@example.com>").expect("530 "))
                    .containsExactly("530 5.7.0 Authentication required");
            smtp.send("RCPT TO:<b@example.com>").expect("503 5.5.1 ");
            smtp.send("AUTH PLAIN " + plain("alice", "pw")).expect("235 2.7.0 ");
            assertThat(sendMail(server, smtp, "MAIL FROM:<a@example.com>").envelope().authenticatedUser())
                    .contains("alice");
        }
    }

    @Test
    void requireAuthWithAFailedAuthStillRefusesMail() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().requireAuth().credentials("alice", "pw").build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("AUTH PLAIN " + plain("alice", "nope")).expect("535 5.7.8 ");
            smtp.send("MAIL FROM:<a@example.com>").expect("530 5.7.0 ");
            assertThat(server.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void authOnlyAfterTlsHidesAuthUntilStartTlsAndRefusesItWith538() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().authOnlyAfterTls().build().start();
             SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            assertThat(advertisesAuth(smtp.send("EHLO client.test").expect("250 "))).isFalse();
            assertThat(smtp.send("AUTH PLAIN " + plain("alice", "pw")).expect("538 "))
                    .containsExactly("538 5.7.11 Encryption required for requested authentication mechanism");
            smtp.send("AUTH LOGIN").expect("538 5.7.11 ");

            smtp.send("STARTTLS").expect("220 2.0.0 ");
            smtp.startTls(server.clientTls().sslContext());
            assertThat(advertisesAuth(smtp.send("EHLO client.test").expect("250 "))).isTrue();
            smtp.send("AUTH PLAIN " + plain("alice", "pw")).expect("235 2.7.0 ");

            assertThat(server.sessions().get(0).violations()).extracting(Violation::type)
                    .doesNotContain(Violation.Type.AUTH_WITHOUT_TLS);
        }
    }

    @Test
    void authOnlyAfterTlsOnAnImplicitTlsServerOffersAuthAtOnce() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls().authOnlyAfterTls().build().start();
             SmtpDialogue smtp = SmtpDialogue.connectTls(server, server.port(), server.clientTls().sslContext())) {
            smtp.expect("220 ");
            assertThat(advertisesAuth(smtp.send("EHLO client.test").expect("250 "))).isTrue();
            smtp.send("AUTH PLAIN " + plain("alice", "pw")).expect("235 2.7.0 ");
        }
    }

    @Test
    void authInClearTextWhileStartTlsIsOfferedIsAViolation() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("AUTH PLAIN " + plain("alice", "pw")).expect("235 2.7.0 ");
            assertThat(server.sessions().get(0).violations()).filteredOn(v -> v.type() == Violation.Type.AUTH_WITHOUT_TLS)
                    .singleElement().satisfies(v -> assertThat(v.detail()).contains("PLAIN"));
        }
    }

    @Test
    void strictModeRefusesAuthInClearTextWhileStartTlsIsOffered() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().strict().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("AUTH PLAIN " + plain("alice", "pw")).expect("538 5.7.11 ");
            assertThat(server.sessions().get(0).authentication()).isEmpty();
            smtp.send("STARTTLS").expect("220 2.0.0 ");
            smtp.startTls(server.clientTls().sslContext());
            smtp.send("EHLO client.test").expect("250 ");
            smtp.send("AUTH PLAIN " + plain("alice", "pw")).expect("235 2.7.0 ");
            assertThat(server.sessions().get(0).violations()).extracting(Violation::type)
                    .containsExactly(Violation.Type.AUTH_WITHOUT_TLS);
        }
    }

    @Test
    void authInClearTextIsNoViolationWhenStartTlsIsNotOffered() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("AUTH PLAIN " + plain("alice", "pw")).expect("235 2.7.0 ");
            assertThat(server.sessions().get(0).violations()).isEmpty();
        }
    }

    @Test
    void authAfterStartTlsIsNoViolation() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("STARTTLS").expect("220 2.0.0 ");
            smtp.startTls(server.clientTls().sslContext());
            smtp.send("EHLO client.test").expect("250 ");
            smtp.send("AUTH PLAIN " + plain("alice", "pw")).expect("235 2.7.0 ");
            assertThat(server.sessions().get(0).violations()).isEmpty();
        }
    }

    @Test
    void theEnvelopeCarriesTheAuthenticatedUserAndKeepsMailFromAuth() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("AUTH PLAIN " + plain("alice", "pw")).expect("235 2.7.0 ");
            Envelope first = sendMail(server, smtp, "MAIL FROM:<a@example.com> AUTH=alice@example.com").envelope();
            assertThat(first.authenticatedUser()).contains("alice");
            assertThat(first.authentication().orElseThrow().mechanism()).isEqualTo(AuthMechanism.PLAIN);
            assertThat(first.mailParameter("AUTH")).contains("alice@example.com");

            Envelope second = sendMail(server, smtp, "MAIL FROM:<a@example.com> AUTH=<>").envelope();
            assertThat(second.mailParameter("AUTH")).contains("<>");
            assertThat(second.authenticatedUser()).as("AUTH lasts the session").contains("alice");
        }
    }

    @Test
    void mailFromWithAuthMayExceed512OctetsByUpTo500() {
        // RFC 4954 §3: AUTH "extends the maximum line length of the MAIL FROM command by 500 characters".
        String local = "u" + "+t".repeat(20) + "x".repeat(23);
        String domain = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(57) + ".com";
        String address = local + "@" + domain;
        assertThat(local).hasSize(64);
        assertThat(address).hasSize(254);
        String xtext = address.replace("+", "+2B");
        String line = "MAIL FROM:<" + address + "> AUTH=" + xtext;
        assertThat(line.length() + 2).isBetween(513, 1012);
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("AUTH PLAIN " + plain("alice", "pw")).expect("235 2.7.0 ");
            Envelope envelope = sendMail(server, smtp, line).envelope();
            assertThat(envelope.mailFrom()).isEqualTo(address);
            assertThat(envelope.mailParameter("AUTH")).contains(xtext);
        }
    }

    @Test
    void aMailWithoutAuthHasNoAuthenticatedUser() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Envelope envelope = sendMail(server, smtp, "MAIL FROM:<a@example.com> AUTH=<>").envelope();
            assertThat(envelope.authenticatedUser()).isEmpty();
            assertThat(envelope.authentication()).isEmpty();
            assertThat(envelope.mailParameter("AUTH")).contains("<>");
        }
    }
}
