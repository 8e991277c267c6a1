package dev.fakesmtp.e2e;

import static dev.fakesmtp.e2e.MailSessions.awaitOne;
import static dev.fakesmtp.e2e.MailSessions.message;
import static dev.fakesmtp.e2e.MailSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.net.InetSocketAddress;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** To, Cc, Bcc and other headers of mail sent by Jakarta Mail / Angus, against the envelope. */
@Timeout(30)
class RecipientsAndHeadersE2ETest {

    @Test
    void bccIsInTheEnvelopeButInNoHeader() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            MimeMessage message = message(session(server), "alice@example.com", "to1@example.com", "Team");
            message.addRecipients(RecipientType.TO, InternetAddress.parse("to2@example.com"));
            message.setRecipients(RecipientType.CC, InternetAddress.parse("cc1@example.com, Carl <cc2@example.com>"));
            message.setRecipients(RecipientType.BCC, InternetAddress.parse("hidden@example.org"));
            message.setText("Hello team\r\n", "UTF-8");
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(mail.envelope().recipients()).containsExactlyInAnyOrder(
                    "to1@example.com", "to2@example.com", "cc1@example.com", "cc2@example.com", "hidden@example.org");
            assertThat(mail.to()).containsExactly("to1@example.com", "to2@example.com");
            assertThat(mail.cc()).containsExactly("cc1@example.com", "cc2@example.com");
            assertThat(mail.headers("Bcc")).isEmpty();
            assertThat(mail.rawText()).doesNotContain("hidden@example.org");
            assertThat(server.mailbox().messagesTo("HIDDEN@example.org")).containsExactly(mail);
            assertThat(server.mailbox().messagesTo("nobody@example.org")).isEmpty();
        }
    }

    @Test
    void fiveRecipientsMakeOneMail() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            MimeMessage message = message(session(server), "alice@example.com", "r1@example.com", "Five");
            message.addRecipients(RecipientType.TO, InternetAddress.parse("r2@example.com, r3@example.com"));
            message.addRecipients(RecipientType.CC, InternetAddress.parse("r4@example.com"));
            message.addRecipients(RecipientType.BCC, InternetAddress.parse("r5@example.com"));
            message.setText("once\r\n", "UTF-8");
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(mail.envelope().recipients()).hasSize(5);
            assertThat(server.mailbox().size()).isEqualTo(1);
            assertThat(server.mailbox().messages()).containsExactly(mail);
            assertThat(MailSessions.onlySession(server).messageCount()).isEqualTo(1);
            for (int i = 1; i <= 5; i++) {
                assertThat(server.mailbox().messagesTo("r" + i + "@example.com")).containsExactly(mail);
            }
        }
    }

    @Test
    void envelopeRecipientsKeepTheOrderTheClientSentThem() throws Exception {
        Address[] sendOrder = InternetAddress.parse(
                "zed@example.com, adam@example.com, mia@example.net, bob@example.org");
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            MimeMessage message = message(session(server), "alice@example.com", "list@example.com", "Order");
            message.setText("order\r\n", "UTF-8");
            Transport.send(message, sendOrder);

            ReceivedMail mail = awaitOne(server);
            assertThat(mail.envelope().recipients()).containsExactly(
                    "zed@example.com", "adam@example.com", "mia@example.net", "bob@example.org");
            assertThat(mail.envelope().recipientDetails())
                    .allSatisfy(recipient -> assertThat(recipient.parameters()).isEmpty());
            // the header says something else than the envelope: both are kept apart
            assertThat(mail.to()).containsExactly("list@example.com");
            assertThat(mail.envelope().mailFrom()).isEqualTo("alice@example.com");
        }
    }

    @Test
    void envelopeSenderCanDifferFromTheFromHeader() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            MimeMessage message = message(
                    session(server, "mail.smtp.from", "bounces+123@example.net"),
                    "alice@example.com", "bob@example.com", "Bounce address");
            message.setText("x\r\n", "UTF-8");
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(mail.envelope().mailFrom()).isEqualTo("bounces+123@example.net");
            assertThat(mail.from()).containsExactly("alice@example.com");
        }
    }

    @Test
    void replyToRepeatedAndEncodedHeaders() throws Exception {
        String longValue = "a header value that is long enough to be folded by Jakarta Mail when it is written out "
                + "because it goes well past the seventy-eight characters of a line";
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            MimeMessage message = message(session(server), "alice@example.com", "bob@example.com", "Headers");
            message.setReplyTo(InternetAddress.parse("Support <support@example.com>, sales@example.com"));
            message.addHeader("X-Trace", "first");
            message.addHeader("X-Trace", "second");
            message.setHeader("X-Greeting", MimeUtility.fold(12, MimeUtility.encodeText("Gr\u00fc\u00dfe aus K\u00f6ln", "UTF-8", "Q")));
            message.setHeader("X-Long", MimeUtility.fold(8, longValue));
            message.setText("body\r\n", "UTF-8");
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(mail.replyTo()).containsExactly("support@example.com", "sales@example.com");
            assertThat(mail.headers("X-Trace")).containsExactly("first", "second");
            assertThat(mail.header("x-trace")).hasValue("first");
            assertThat(mail.header("X-Greeting")).hasValue("Gr\u00fc\u00dfe aus K\u00f6ln");
            assertThat(mail.rawText()).containsPattern("X-Long: a header value[^\r\n]*\r\n [^\r\n]+");
            assertThat(mail.header("X-Long")).hasValue(longValue);
            assertThat(mail.header("X-Absent")).isEmpty();
            assertThat(mail.headers("X-Absent")).isEmpty();
            assertThat(mail.header("Message-ID")).hasValue(message.getMessageID());
            assertThat(mail.header("MIME-Version")).hasValue("1.0");
        }
    }

    @Test
    void envelopeKnowsTheClientAndTheSession() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            MimeMessage message = message(session(server, "mail.smtp.localhost", "client.example"),
                    "alice@example.com", "bob@example.com", "Who");
            message.setText("who sent this\r\n", "UTF-8");
            Instant before = Instant.now();
            Transport.send(message);
            Instant after = Instant.now();

            ReceivedMail mail = awaitOne(server);
            InetSocketAddress client = mail.envelope().clientAddress().orElseThrow();
            assertThat(client.getAddress().isLoopbackAddress()).isTrue();
            assertThat(client.getPort()).isPositive().isNotEqualTo(server.port());
            assertThat(client).isEqualTo(MailSessions.onlySession(server).clientAddress());
            assertThat(mail.envelope().sessionId()).isEqualTo(MailSessions.onlySession(server).id()).isNotBlank();
            assertThat(mail.envelope().transactionIndex()).isEqualTo(1);
            assertThat(mail.envelope().receivedAt()).isBetween(before, after);
            assertThat(mail.envelope().heloName()).isEqualTo("client.example");
        }
    }
}
