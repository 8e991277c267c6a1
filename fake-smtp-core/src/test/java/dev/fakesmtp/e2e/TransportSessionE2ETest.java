package dev.fakesmtp.e2e;

import static dev.fakesmtp.e2e.MailSessions.AWAIT;
import static dev.fakesmtp.e2e.MailSessions.awaitOne;
import static dev.fakesmtp.e2e.MailSessions.bytesOf;
import static dev.fakesmtp.e2e.MailSessions.clientLines;
import static dev.fakesmtp.e2e.MailSessions.message;
import static dev.fakesmtp.e2e.MailSessions.onlySession;
import static dev.fakesmtp.e2e.MailSessions.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Connections and transactions as Angus drives them: reuse, HELO name, size limits, exact bytes. */
@Timeout(30)
class TransportSessionE2ETest {

    @Test
    void twoMessagesOverOneConnection() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Session session = session(server);
            MimeMessage first = message(session, "alice@example.com", "bob@example.com", "First");
            first.setText("one\r\n", "UTF-8");
            first.saveChanges();
            MimeMessage second = message(session, "alice@example.com", "carol@example.com", "Second");
            second.setText("two\r\n", "UTF-8");
            second.saveChanges();
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                transport.sendMessage(first, first.getAllRecipients());
                transport.sendMessage(second, second.getAllRecipients());
            }

            List<ReceivedMail> mails = server.mailbox().awaitMessages(2, AWAIT);
            assertThat(mails).extracting(ReceivedMail::subject).containsExactly("First", "Second");
            assertThat(mails).extracting(mail -> mail.envelope().transactionIndex()).containsExactly(1, 2);
            assertThat(mails.get(0).envelope().sessionId()).isEqualTo(mails.get(1).envelope().sessionId());
            assertThat(mails.get(1).envelope().recipients()).containsExactly("carol@example.com");
            assertThat(onlySession(server).messageCount()).isEqualTo(2);
            assertThat(clientLines(server)).filteredOn(line -> line.startsWith("EHLO")).hasSize(1);
        }
    }

    @Test
    void separateSendsUseSeparateSessions() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            for (String subject : List.of("A", "B")) {
                MimeMessage message = message(session(server), "alice@example.com", "bob@example.com", subject);
                message.setText(subject + "\r\n", "UTF-8");
                Transport.send(message);
            }

            List<ReceivedMail> mails = server.mailbox().awaitMessages(2, AWAIT);
            assertThat(mails).extracting(mail -> mail.envelope().transactionIndex()).containsExactly(1, 1);
            assertThat(mails.get(0).envelope().sessionId()).isNotEqualTo(mails.get(1).envelope().sessionId());
            assertThat(server.sessions()).hasSize(2);
            ReceivedMail b = server.mailbox().awaitMessage(mail -> "B".equals(mail.subject()), AWAIT);
            assertThat(b.text()).isEqualTo("B\r\n");
        }
    }

    @Test
    void heloNameFromMailSmtpLocalhost() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().hostname("mx.fake-smtp.test").build().start()) {
            Session session = session(server, "mail.smtp.localhost", "client.example");
            MimeMessage message = message(session, "alice@example.com", "bob@example.com", "HELO name");
            message.setText("hi\r\n", "UTF-8");
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(mail.envelope().heloName()).isEqualTo("client.example");
            assertThat(clientLines(server)).first().isEqualTo("EHLO client.example");
            assertThat(onlySession(server).heloName()).hasValue("client.example");
            assertThat(onlySession(server).transcriptText()).contains("220 mx.fake-smtp.test");
        }
    }

    /** Angus never sends SIZE= by itself, so the 552 comes after the data; with SIZE= it comes at MAIL. */
    @ParameterizedTest
    @ValueSource(strings = {"", "SIZE=6000"})
    void messageOverTheSizeLimitIsRefusedWith552(String mailExtension) throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().maxMessageSize(1000).build().start()) {
            Session session = session(server, "mail.smtp.mailextension", mailExtension);
            MimeMessage message = message(session, "alice@example.com", "bob@example.com", "Too big");
            message.setText("0123456789abcdef".repeat(300).replaceAll("(.{64})", "$1\r\n"), "UTF-8");

            assertThatThrownBy(() -> Transport.send(message))
                    .isInstanceOfSatisfying(SMTPSendFailedException.class, e -> {
                        assertThat(e.getReturnCode()).isEqualTo(552);
                        assertThat(e.getMessage()).contains("5.3.4");
                    });
            assertThat(server.mailbox().messages()).isEmpty();
            assertThat(server.mailbox().size()).isZero();
            assertThat(onlySession(server).transcriptText()).contains("SIZE 1000");
            if (mailExtension.isEmpty()) {
                assertThat(clientLines(server)).as("refused after the data").contains("DATA");
            } else {
                assertThat(clientLines(server)).as("refused at MAIL").contains("MAIL FROM:<alice@example.com> SIZE=6000")
                        .doesNotContain("DATA");
            }
        }
    }

    @Test
    void connectionIsUsableAfterA552() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().maxMessageSize(1000).build().start()) {
            Session session = session(server);
            MimeMessage big = message(session, "alice@example.com", "bob@example.com", "Big");
            big.setText("x".repeat(60).concat("\r\n").repeat(40), "UTF-8");
            big.saveChanges();
            MimeMessage small = message(session, "alice@example.com", "bob@example.com", "Small");
            small.setText("fits\r\n", "UTF-8");
            small.saveChanges();
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                assertThatThrownBy(() -> transport.sendMessage(big, big.getAllRecipients()))
                        .isInstanceOfSatisfying(SMTPSendFailedException.class,
                                e -> assertThat(e.getReturnCode()).isEqualTo(552));
                transport.sendMessage(small, small.getAllRecipients());
            }

            ReceivedMail mail = awaitOne(server);
            assertThat(server.mailbox().messages()).containsExactly(mail);
            assertThat(mail.subject()).isEqualTo("Small");
            assertThat(mail.envelope().sessionId()).isEqualTo(onlySession(server).id());
            assertThat(mail.envelope().transactionIndex()).as("the refused message was never captured").isEqualTo(1);
        }
    }

    @Test
    void rawBytesAreExactlyWhatJakartaMailWrote() throws Exception {
        byte[] binary = new byte[3000];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);
        }
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Session session = session(server);
            MimeMessage message = message(session, "alice@example.com", "bob@example.com", "Exact \u00e4\u00f6\u00fc");
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart text = new MimeBodyPart();
            // dots at line starts are stuffed by the client and unstuffed by the server; 7bit keeps them visible
            text.setText(".\r\n..\r\n.starts with a dot\r\nmiddle . dot\r\n...\r\n", "US-ASCII");
            text.setHeader("Content-Transfer-Encoding", "7bit");
            mixed.addBodyPart(text);
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(binary, "application/octet-stream")));
            attachment.setFileName("blob.bin");
            mixed.addBodyPart(attachment);
            message.setContent(mixed);
            message.saveChanges(); // once: sendMessage does not call it again, so the Message-ID stays
            byte[] expected = bytesOf(message);
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                transport.sendMessage(message, message.getAllRecipients());
            }

            ReceivedMail mail = awaitOne(server);
            assertThat(mail.size()).isEqualTo(expected.length);
            assertThat(mail.raw()).isEqualTo(expected);
            assertThat(mail.header("Message-ID")).hasValue(message.getMessageID());
            assertThat(mail.text()).isEqualTo(".\r\n..\r\n.starts with a dot\r\nmiddle . dot\r\n...\r\n");
            assertThat(mail.attachments()).singleElement()
                    .satisfies(part -> assertThat(part.content()).isEqualTo(binary));
            assertThat(onlySession(server).violations()).isEmpty();
        }
    }
}
