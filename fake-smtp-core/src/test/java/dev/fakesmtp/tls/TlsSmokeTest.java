package dev.fakesmtp.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.AuthMechanism;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class TlsSmokeTest {

    @Test
    void startTlsWithAuth() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().requireTls().credentials("alice", "secret").build().start()) {
            Properties props = server.mailProperties();
            props.put("mail.smtp.auth", "true");
            send(props, "alice", "secret");
            ReceivedMail mail = server.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            System.out.println(server.sessions().get(0).transcriptText());
            assertThat(mail.envelope().tls()).isPresent();
            assertThat(mail.envelope().authenticatedUser()).contains("alice");
        }
    }

    @Test
    void implicitTls() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTlsPort(0).build().start()) {
            Properties props = server.implicitTlsMailProperties();
            send(props, null, null);
            ReceivedMail mail = server.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            assertThat(mail.envelope().tls()).hasValueSatisfying(tls -> assertThat(tls.implicit()).isTrue());
            System.out.println(mail.envelope().tls());
        }
    }

    @Test
    void cramMd5() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().credentials("bob", "pw").build().start()) {
            Properties props = server.mailProperties();
            props.put("mail.smtp.auth", "true");
            props.put("mail.smtp.sasl.enable", "true");
            props.put("mail.smtp.sasl.mechanisms", "CRAM-MD5");
            send(props, "bob", "pw");
            ReceivedMail mail = server.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            assertThat(mail.envelope().authentication().orElseThrow().mechanism()).isEqualTo(AuthMechanism.CRAM_MD5);
        }
    }

    private static void send(Properties props, String user, String password) throws Exception {
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session);
        message.setFrom("a@example.com");
        message.setRecipients(Message.RecipientType.TO, "b@example.com");
        message.setSubject("tls");
        message.setText("hello");
        if (user != null) {
            Transport.send(message, user, password);
        } else {
            Transport.send(message);
        }
    }
}
