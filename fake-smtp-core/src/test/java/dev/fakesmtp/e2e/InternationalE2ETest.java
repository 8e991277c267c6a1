package dev.fakesmtp.e2e;

import static dev.fakesmtp.e2e.MailSessions.awaitOne;
import static dev.fakesmtp.e2e.MailSessions.clientLines;
import static dev.fakesmtp.e2e.MailSessions.message;
import static dev.fakesmtp.e2e.MailSessions.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.Extension;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.assertj.FakeSmtpAssertions;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Non-ASCII subjects, names, bodies and (with SMTPUTF8) addresses, sent by Jakarta Mail / Angus. */
@Timeout(30)
class InternationalE2ETest {

    /** Umlauts, an emoji outside the BMP, CJK, and long enough to be split over several encoded-words. */
    private static final String SUBJECT = "Gr\u00fc\u00dfe aus K\u00f6ln \ud83d\ude00\ud83c\udf89 \u65e5\u672c\u8a9e\u306e"
            + "\u30c6\u30ad\u30b9\u30c8 \u4f60\u597d\u4e16\u754c \u2014 \u00c4rger mit \u00dcberl\u00e4nge, "
            + "damit Jakarta Mail die Zeile faltet";

    /** CRLF line ends (a text part's canonical form), a long line, trailing blanks, '=' and dots. */
    private static final String BODY = "Sehr geehrte Frau M\u00fcller,\r\n"
            + "\r\n"
            + "eine sehr lange Zeile mit Umlauten \u00e4\u00f6\u00fc\u00c4\u00d6\u00dc\u00df, die weit \u00fcber "
            + "sechsundsiebzig Zeichen hinausgeht und deshalb weich umbrochen werden muss \u2026 \u20ac 100\r\n"
            + "a = b, trailing blanks   \r\n"
            + ".a line that starts with a dot\r\n"
            + ".\r\n"
            + "From the start of a line\r\n"
            + "Emoji \ud83d\udc4d and CJK \u6f22\u5b57\r\n";

    @Test
    void encodedSubjectIsDecoded() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            MimeMessage message = message(session(server), "alice@example.com", "bob@example.com", SUBJECT);
            message.setText("x\r\n", "UTF-8");
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(mail.rawText()).contains("Subject: =?UTF-8?").doesNotContain("K\u00f6ln");
            assertThat(mail.subject()).isEqualTo(SUBJECT);
            assertThat(mail.header("Subject")).hasValue(SUBJECT);
            assertThat(mail.mimeMessage().getSubject()).isEqualTo(SUBJECT);
        }
    }

    @Test
    void personalNameWithUmlautsInFrom() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            MimeMessage message = message(session(server), "alice@example.com", "bob@example.com", "Name");
            message.setFrom(new InternetAddress("j@example.com", "J\u00fcrgen M\u00fcller", "UTF-8"));
            message.setRecipient(RecipientType.CC, new InternetAddress("z@example.com", "\u5f20\u4f1f", "UTF-8"));
            message.setText("x\r\n", "UTF-8");
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(mail.from()).containsExactly("j@example.com");
            assertThat(mail.cc()).containsExactly("z@example.com");
            assertThat(mail.header("From")).hasValue("J\u00fcrgen M\u00fcller <j@example.com>");
            assertThat(mail.header("Cc")).hasValue("\u5f20\u4f1f <z@example.com>");
            InternetAddress from = (InternetAddress) mail.mimeMessage().getFrom()[0];
            assertThat(from.getPersonal()).isEqualTo("J\u00fcrgen M\u00fcller");
            assertThat(mail.envelope().mailFrom()).isEqualTo("j@example.com");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"quoted-printable", "base64"})
    void utf8BodyInTransferEncodingIsDecodedExactly(String transferEncoding) throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            MimeMessage message = message(session(server), "alice@example.com", "bob@example.com", transferEncoding);
            message.setText(BODY, "UTF-8");
            message.setHeader("Content-Transfer-Encoding", transferEncoding);
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(mail.header("Content-Transfer-Encoding")).hasValue(transferEncoding);
            assertThat(mail.header("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).containsIgnoringCase("charset=UTF-8"));
            assertThat(mail.rawText()).as("7-bit on the wire").matches("\\p{ASCII}*");
            assertThat(mail.text()).isEqualTo(BODY);
            assertThat(MailSessions.onlySession(server).violations()).isEmpty();
        }
    }

    @Test
    void internationalizedAddressesUseSmtpUtf8() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Session session = session(server, "mail.mime.allowutf8", "true");
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("j\u00f6rg@m\u00fcller.example"));
            message.setRecipient(RecipientType.TO, new InternetAddress("\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a"));
            message.setSubject("SMTPUTF8", "UTF-8");
            message.setText("\u4f60\u597d\r\n", "UTF-8");
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(clientLines(server)).contains(
                    "MAIL FROM:<j\u00f6rg@m\u00fcller.example> SMTPUTF8",
                    "RCPT TO:<\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a>");
            assertThat(mail.envelope().mailFrom()).isEqualTo("j\u00f6rg@m\u00fcller.example");
            assertThat(mail.envelope().recipients()).containsExactly("\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a");
            assertThat(mail.envelope().mailParameters()).containsEntry("SMTPUTF8", "");
            assertThat(mail.envelope().mailParameter("smtputf8")).hasValue("");
            // with allowutf8 Jakarta Mail writes the address headers in raw UTF-8 (RFC 6532)
            assertThat(mail.rawText()).contains("To: \u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a");
            assertThat(mail.from()).containsExactly("j\u00f6rg@m\u00fcller.example");
            assertThat(mail.to()).containsExactly("\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a");
            assertThat(mail.text()).isEqualTo("\u4f60\u597d\r\n");
        }
    }

    /** A conforming SMTPUTF8 mail (raw UTF-8 address headers, no BODY parameter) is encoded correctly. */
    @Test
    void angusSmtpUtf8MailIsEncodedCorrectly() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Session session = session(server, "mail.mime.allowutf8", "true");
            MimeMessage message = message(session, "alice@example.com", "j\u00f6rg@m\u00fcller.example", "x");
            message.setText("plain ASCII\r\n", "UTF-8");
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(mail.envelope().mailParameters()).containsKey("SMTPUTF8").doesNotContainKey("BODY");
            assertThat(mail.rawText()).contains("To: j\u00f6rg@m\u00fcller.example");
            assertThat(MailSessions.onlySession(server).violations()).isEmpty();
            FakeSmtpAssertions.assertThat(mail).isEncodedCorrectly();
        }
    }

    @Test
    void withoutSmtpUtf8TheInternationalizedRecipientIsRefused() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().hide(Extension.SMTPUTF8).build().start()) {
            Session session = session(server, "mail.mime.allowutf8", "true");
            MimeMessage message = message(session, "alice@example.com", "\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a", "x");
            message.setText("x\r\n", "UTF-8");

            assertThatThrownBy(() -> Transport.send(message))
                    .isInstanceOfSatisfying(SendFailedException.class, e -> {
                        assertThat(e.getInvalidAddresses()).extracting(Object::toString)
                                .containsExactly("\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a");
                        assertThat(e.getNextException()).isInstanceOfSatisfying(SMTPAddressFailedException.class,
                                next -> assertThat(next.getReturnCode()).isEqualTo(553));
                    });
            assertThat(clientLines(server)).contains("MAIL FROM:<alice@example.com>").doesNotContain("DATA");
            assertThat(server.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void rawUtf8SubjectUnderSmtpUtf8IsReadAsUtf8() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Session session = session(server, "mail.mime.allowutf8", "true");
            MimeMessage message = message(session, "alice@example.com", "j\u00f6rg@m\u00fcller.example", "x");
            // an RFC 6532 header: UTF-8 as it is, no encoded-words
            message.setHeader("Subject", "Gr\u00fc\u00dfe \ud83d\ude00 \u4f60\u597d");
            message.setText("x\r\n", "UTF-8");
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(mail.envelope().mailParameters()).containsKey("SMTPUTF8");
            assertThat(mail.rawText()).contains("Subject: Gr\u00fc\u00dfe \ud83d\ude00 \u4f60\u597d\r\n");
            assertThat(mail.subject()).isEqualTo("Gr\u00fc\u00dfe \ud83d\ude00 \u4f60\u597d");
            assertThat(mail.to()).containsExactly("j\u00f6rg@m\u00fcller.example");
        }
    }

    @Test
    void encodedWordsInAnAsciiSessionStayAscii() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            MimeMessage message = message(session(server), "alice@example.com", "bob@example.com", "x");
            message.setHeader("X-Note", MimeUtility.encodeText("\u00e9t\u00e9 \u2603", "UTF-8", "B"));
            message.setText("x\r\n", "UTF-8");
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(clientLines(server)).contains("MAIL FROM:<alice@example.com>");
            assertThat(mail.envelope().mailParameters()).doesNotContainKey("SMTPUTF8");
            assertThat(mail.header("X-Note")).hasValue("\u00e9t\u00e9 \u2603");
        }
    }
}
