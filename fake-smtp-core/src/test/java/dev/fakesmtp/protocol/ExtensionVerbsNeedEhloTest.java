package dev.fakesmtp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.Violation;
import dev.fakesmtp.support.SmtpDialogue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * BDAT (RFC 3030), AUTH (RFC 4954) and STARTTLS (RFC 3207) are SMTP extensions: a client learns
 * of them only from the EHLO reply (RFC 5321 §2.2.1). After HELO they are out of sequence, as
 * MAIL parameters already are: 503 5.5.1 and a COMMAND_OUT_OF_SEQUENCE violation, lenient or
 * strict (as Exim answers "503 ... command used when not advertised"). A refused BDAT's chunk is
 * still read and dropped.
 */
@Timeout(20)
class ExtensionVerbsNeedEhloTest {

    private static final String PLAIN = Base64.getEncoder().encodeToString("\0alice\0secret".getBytes(StandardCharsets.UTF_8));

    @ParameterizedTest(name = "strict={0}")
    @ValueSource(booleans = {false, true})
    void bdatAfterHeloGets503AndItsChunkIsDropped(boolean strict) {
        try (FakeSmtpServer server = start(strict); SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            smtp.send("HELO client.test").expect("250 ");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
            smtp.send("BDAT 6 LAST").sendRaw("QUIT\r\n").expect("503 5.5.1 Bad sequence of commands: BDAT is an SMTP"
                    + " extension: send EHLO first, not HELO");
            smtp.send("DATA").expect("354 "); // the transaction is intact: DATA is how a HELO client sends
            smtp.sendRaw("Date: Thu, 26 Nov 2026 12:00:00 +0000\r\nFrom: a@example.com\r\nMessage-ID: <h@example.com>"
                    + "\r\n\r\nby DATA\r\n.\r\n").expect("250 2.0.0");
            assertOutOfSequence(server, "BDAT");
        }
    }

    @ParameterizedTest(name = "strict={0}")
    @ValueSource(booleans = {false, true})
    void authAfterHeloGets503(boolean strict) {
        try (FakeSmtpServer server = start(strict); SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            smtp.send("HELO client.test").expect("250 ");
            smtp.send("AUTH PLAIN " + PLAIN).expect("503 5.5.1 Bad sequence of commands: AUTH is an SMTP extension:"
                    + " send EHLO first, not HELO");
            assertThat(server.sessions().get(0).authentication()).isEmpty();
            assertOutOfSequence(server, "AUTH");
        }
    }

    @ParameterizedTest(name = "strict={0}")
    @ValueSource(booleans = {false, true})
    void startTlsAfterHeloGets503(boolean strict) {
        FakeSmtpServer.Builder builder = FakeSmtpServer.builder().startTls();
        try (FakeSmtpServer server = (strict ? builder.strict() : builder).build().start();
             SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            smtp.send("HELO client.test").expect("250 ");
            smtp.send("STARTTLS").expect("503 5.5.1 Bad sequence of commands: STARTTLS is an SMTP extension:"
                    + " send EHLO first, not HELO");
            smtp.send("EHLO client.test").expect("250 ");
            smtp.send("STARTTLS").expect("220 2.0.0");
            smtp.startTls(server.clientTls().sslContext());
            smtp.send("EHLO client.test").expect("250 ");
            assertOutOfSequence(server, "STARTTLS");
        }
    }

    private static void assertOutOfSequence(FakeSmtpServer server, String verb) {
        SmtpSession session = server.sessions().get(0);
        assertThat(session.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.type()).isEqualTo(Violation.Type.COMMAND_OUT_OF_SEQUENCE);
            assertThat(violation.detail()).startsWith(verb + " in state ").contains("send EHLO first, not HELO");
        });
    }

    private static FakeSmtpServer start(boolean strict) {
        FakeSmtpServer.Builder builder = FakeSmtpServer.builder();
        return (strict ? builder.strict() : builder).build().start();
    }
}
