package dev.fakesmtp.e2e;

import static dev.fakesmtp.e2e.MailSessions.awaitOne;
import static dev.fakesmtp.e2e.MailSessions.clientLines;
import static dev.fakesmtp.e2e.MailSessions.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.Extension;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.Recipient;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Delivery status notification requests (RFC 3461) made through Angus, as the envelope records them. */
@Timeout(30)
class DsnE2ETest {

    @Test
    void smtpMessageNotifyAndReturnOptions() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            SMTPMessage message = new SMTPMessage(session(server));
            message.setFrom(new InternetAddress("alice@example.com"));
            message.setRecipients(RecipientType.TO, InternetAddress.parse("bob@example.com, carol@example.com"));
            message.setSubject("DSN");
            message.setText("tell me\r\n", "UTF-8");
            message.setNotifyOptions(SMTPMessage.NOTIFY_SUCCESS | SMTPMessage.NOTIFY_FAILURE | SMTPMessage.NOTIFY_DELAY);
            message.setReturnOption(SMTPMessage.RETURN_FULL);
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(clientLines(server))
                    .contains("MAIL FROM:<alice@example.com> RET=FULL")
                    .contains("RCPT TO:<bob@example.com> NOTIFY=SUCCESS,FAILURE,DELAY");
            assertThat(mail.envelope().mailParameters()).containsExactlyEntriesOf(Map.of("RET", "FULL"));
            assertThat(mail.envelope().recipientDetails()).containsExactly(
                    new Recipient("bob@example.com", Map.of("NOTIFY", "SUCCESS,FAILURE,DELAY")),
                    new Recipient("carol@example.com", Map.of("NOTIFY", "SUCCESS,FAILURE,DELAY")));
            assertThat(mail.envelope().recipientDetails().get(0).parameters())
                    .containsEntry("NOTIFY", "SUCCESS,FAILURE,DELAY");
        }
    }

    @Test
    void notifyNeverAndHeadersOnlyFromSessionProperties() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Session session = session(server, "mail.smtp.dsn.notify", "NEVER", "mail.smtp.dsn.ret", "HDRS");
            MimeMessage message = MailSessions.message(session, "alice@example.com", "bob@example.com", "Quiet");
            message.setText("no reports please\r\n", "UTF-8");
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(mail.envelope().mailParameter("RET")).hasValue("HDRS");
            assertThat(mail.envelope().recipientDetails().get(0).parameters()).containsEntry("NOTIFY", "NEVER");
        }
    }

    @Test
    void envelopeIdThroughMailExtension() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            SMTPMessage message = new SMTPMessage(session(server));
            message.setFrom(new InternetAddress("alice@example.com"));
            message.setRecipient(RecipientType.TO, new InternetAddress("bob@example.com"));
            message.setText("tracked\r\n", "UTF-8");
            message.setReturnOption(SMTPMessage.RETURN_HDRS);
            message.setMailExtension("ENVID=QQ314159+2B1");
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(mail.envelope().mailParameters())
                    .containsEntry("RET", "HDRS")
                    .containsEntry("ENVID", "QQ314159+2B1")
                    .hasSize(2);
        }
    }

    @Test
    void withoutDsnAngusSendsNoDsnParameters() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().hide(Extension.DSN).build().start()) {
            SMTPMessage message = new SMTPMessage(session(server));
            message.setFrom(new InternetAddress("alice@example.com"));
            message.setRecipient(RecipientType.TO, new InternetAddress("bob@example.com"));
            message.setText("plain\r\n", "UTF-8");
            message.setNotifyOptions(SMTPMessage.NOTIFY_FAILURE);
            message.setReturnOption(SMTPMessage.RETURN_FULL);
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(clientLines(server)).contains("MAIL FROM:<alice@example.com>", "RCPT TO:<bob@example.com>");
            assertThat(mail.envelope().mailParameters()).isEmpty();
            assertThat(mail.envelope().recipientDetails()).containsExactly(Recipient.of("bob@example.com"));
        }
    }

    @Test
    void badRetValueIsRefusedWith501() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Session session = session(server, "mail.smtp.dsn.ret", "EVERYTHING");
            MimeMessage message = MailSessions.message(session, "alice@example.com", "bob@example.com", "Bad RET");
            message.setText("x\r\n", "UTF-8");

            assertThatThrownBy(() -> Transport.send(message))
                    .isInstanceOfSatisfying(SMTPSendFailedException.class, e -> {
                        assertThat(e.getReturnCode()).isEqualTo(501);
                        assertThat(e.getCommand()).startsWith("MAIL FROM:");
                        assertThat(e.getMessage()).contains("5.5.4");
                    });
            assertThat(server.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void badNotifyValueIsRefusedWith501() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Session session = session(server, "mail.smtp.dsn.notify", "NEVER,SUCCESS");
            MimeMessage message = MailSessions.message(session, "alice@example.com", "bob@example.com", "Bad NOTIFY");
            message.setText("x\r\n", "UTF-8");

            assertThatThrownBy(() -> Transport.send(message))
                    .isInstanceOf(SendFailedException.class)
                    .hasStackTraceContaining("501 5.5.4");
            assertThat(server.mailbox().messages()).isEmpty();
            assertThat(clientLines(server)).doesNotContain("DATA");
        }
    }
}
