package dev.fakesmtp.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code requireTls()}: MAIL, RCPT, DATA, BDAT and AUTH need STARTTLS first (RFC 3207 §4: 530 5.7.0). */
@Timeout(20)
class RequireTlsDialogueTest {

    private static final String MUST_STARTTLS = "530 5.7.0 Must issue a STARTTLS command first";

    private static FakeSmtpServer requireTlsServer() {
        return FakeSmtpServer.builder().requireTls().build().start();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MAIL FROM:<a@example.com>", "RCPT TO:<b@example.com>", "DATA", "AUTH PLAIN AGFsaWNlAHB3",
        "AUTH LOGIN", "BDAT 0 LAST"})
    void commandsBeforeStartTlsGet530(String command) {
        try (FakeSmtpServer server = requireTlsServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            assertThat(smtp.send(command).expect("530 ")).containsExactly(MUST_STARTTLS);
            smtp.send("NOOP").expect("250 ");
            assertThat(server.sessions().get(0).authentication()).isEmpty();
        }
    }

    @Test
    void aRefusedBdatChunkIsStillConsumed() {
        try (FakeSmtpServer server = requireTlsServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            // Twelve octets that would end the session if the server took them for commands.
            String chunk = "QUIT\r\nQUIT\r\n";
            assertThat(chunk).hasSize(12);
            smtp.sendRaw("BDAT 12 LAST\r\n" + chunk).expect(MUST_STARTTLS);
            smtp.send("NOOP").expect("250 ");
            assertThat(server.sessions().get(0).transcriptText()).contains("12 octets of BDAT chunk discarded")
                    .doesNotContain("S: 221");
        }
    }

    @Test
    void theCommandsRfc3207AllowsBeforeStartTlsWork() {
        // RFC 3207 §4: 530 to every command other than NOOP, EHLO, STARTTLS or QUIT.
        try (FakeSmtpServer server = requireTlsServer(); SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            assertThat(smtp.send("EHLO client.test").expect("250 ")).anyMatch(line -> line.matches("250[- ]STARTTLS"));
            smtp.send("NOOP").expect("250 ");
            smtp.send("QUIT").expect("221 ");
            smtp.expectClosed();
        }
    }

    @Test
    void afterStartTlsTheWholeTransactionWorks() {
        try (FakeSmtpServer server = requireTlsServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>").expect(MUST_STARTTLS);
            smtp.send("STARTTLS").expect("220 2.0.0 ");
            smtp.startTls(server.clientTls().sslContext());
            smtp.send("EHLO client.test").expect("250 ");
            smtp.send("AUTH PLAIN AGFsaWNlAHB3").expect("235 2.7.0 ");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0 ");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5 ");
            String content = "Subject: bdat\r\n\r\nhi\r\n";
            smtp.send("BDAT " + content.length() + " LAST").sendRaw(content).expect("250 2.0.0 ");

            ReceivedMail mail = server.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            assertThat(mail.subject()).isEqualTo("bdat");
            assertThat(mail.envelope().tls()).isPresent();
            assertThat(mail.envelope().authenticatedUser()).contains("alice");
        }
    }

    @Test
    void theGuardComesBeforeTheStateCheck() {
        try (FakeSmtpServer server = requireTlsServer(); SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            // Out of order and in clear text: the TLS requirement is what the client must fix first.
            smtp.send("RCPT TO:<b@example.com>").expect(MUST_STARTTLS);
            smtp.send("MAIL FROM:<a@example.com>").expect(MUST_STARTTLS);
        }
    }

    @Test
    void requireTlsAdvertisesStartTlsRequiredToAngus() {
        try (FakeSmtpServer server = requireTlsServer()) {
            assertThat(server.mailProperties()).containsEntry("mail.smtp.starttls.required", "true");
        }
    }
}
