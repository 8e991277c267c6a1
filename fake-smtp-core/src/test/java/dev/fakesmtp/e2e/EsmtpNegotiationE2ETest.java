package dev.fakesmtp.e2e;

import static dev.fakesmtp.e2e.MailSessions.awaitOne;
import static dev.fakesmtp.e2e.MailSessions.clientLines;
import static dev.fakesmtp.e2e.MailSessions.message;
import static dev.fakesmtp.e2e.MailSessions.onlySession;
import static dev.fakesmtp.e2e.MailSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.Extension;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.TranscriptLine;
import dev.fakesmtp.Violation;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How Angus negotiates ESMTP with the server: 8-bit bodies, chunking, and its fallback when the
 * server hides extensions. Angus never sends SIZE= or BODY= on MAIL by itself.
 */
@Timeout(30)
class EsmtpNegotiationE2ETest {

    private static final String UMLAUT_BODY = "Gr\u00fc\u00dfe aus K\u00f6ln \u2014 \u00e4\u00f6\u00fc\r\n";

    @Test
    void allow8bitmimeSendsAn8bitBodyButNoBodyParameter() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Session session = session(server, "mail.smtp.allow8bitmime", "true");
            MimeMessage message = message(session, "alice@example.com", "bob@example.com", "8bit");
            message.setText(UMLAUT_BODY, "UTF-8");
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(mail.header("Content-Transfer-Encoding")).hasValue("8bit");
            assertThat(mail.rawText()).contains(UMLAUT_BODY);
            assertThat(mail.text()).isEqualTo(UMLAUT_BODY);
            // Angus converts the body to 8bit but does not declare it on MAIL (RFC 6152 wants BODY=8BITMIME):
            // exactly what the server's conformance check is for.
            assertThat(mail.envelope().mailParameters()).doesNotContainKey("BODY");
            assertThat(onlySession(server).violations()).extracting(Violation::type)
                    .containsExactly(Violation.Type.EIGHT_BIT_WITHOUT_8BITMIME);
        }
    }

    @Test
    void bodyParameterThroughMailExtensionIsRecorded() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Session session = session(server,
                    "mail.smtp.allow8bitmime", "true",
                    "mail.smtp.mailextension", "BODY=8BITMIME");
            MimeMessage message = message(session, "alice@example.com", "bob@example.com", "8bit declared");
            message.setText(UMLAUT_BODY, "UTF-8");
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(clientLines(server)).contains("MAIL FROM:<alice@example.com> BODY=8BITMIME");
            assertThat(mail.envelope().mailParameters()).containsEntry("BODY", "8BITMIME");
            assertThat(mail.envelope().mailParameter("body")).hasValue("8BITMIME");
            assertThat(mail.header("Content-Transfer-Encoding")).hasValue("8bit");
            assertThat(mail.text()).isEqualTo(UMLAUT_BODY);
            assertThat(onlySession(server).violations()).isEmpty();
        }
    }

    @Test
    void without8bitmimeAngusKeepsQuotedPrintable() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().hide(Extension.EIGHT_BIT_MIME).build().start()) {
            Session session = session(server, "mail.smtp.allow8bitmime", "true");
            MimeMessage message = message(session, "alice@example.com", "bob@example.com", "7bit only");
            message.setText(UMLAUT_BODY, "UTF-8");
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            // Jakarta Mail picks base64 or quoted-printable by the share of non-ASCII; never 8bit here
            assertThat(mail.header("Content-Transfer-Encoding")).hasValueSatisfying(
                    encoding -> assertThat(encoding).isIn("base64", "quoted-printable"));
            assertThat(mail.rawText()).matches("\\p{ASCII}*");
            assertThat(mail.text()).isEqualTo(UMLAUT_BODY);
            assertThat(onlySession(server).violations()).isEmpty();
        }
    }

    @Test
    void deliversWhenMostExtensionsAreHidden() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                .hide(Extension.PIPELINING, Extension.EIGHT_BIT_MIME, Extension.SIZE, Extension.SMTPUTF8,
                        Extension.CHUNKING, Extension.BINARYMIME, Extension.DSN)
                .build().start()) {
            Session session = session(server,
                    "mail.smtp.allow8bitmime", "true",
                    "mail.smtp.chunksize", "64",
                    "mail.smtp.dsn.notify", "SUCCESS",
                    "mail.smtp.dsn.ret", "FULL");
            MimeMessage message = message(session, "alice@example.com", "bob@example.com", "Fallback");
            message.setText(UMLAUT_BODY, "UTF-8");
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(mail.text()).isEqualTo(UMLAUT_BODY);
            assertThat(mail.envelope().mailParameters()).isEmpty();
            assertThat(mail.envelope().recipientDetails()).singleElement()
                    .satisfies(recipient -> assertThat(recipient.parameters()).isEmpty());
            assertThat(clientLines(server)).contains("DATA").noneMatch(line -> line.startsWith("BDAT"));
            assertThat(onlySession(server).violations()).isEmpty();
        }
    }

    @Test
    void deliversWithoutEnhancedStatusCodes() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                .hide(Extension.PIPELINING, Extension.EIGHT_BIT_MIME, Extension.SIZE, Extension.ENHANCED_STATUS_CODES)
                .build().start()) {
            MimeMessage message = message(session(server), "alice@example.com", "bob@example.com", "Plain codes");
            message.setText("no enhanced codes\r\n", "UTF-8");
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(mail.subject()).isEqualTo("Plain codes");
            assertThat(mail.text()).isEqualTo("no enhanced codes\r\n");
            List<String> serverLines = onlySession(server).transcript().stream()
                    .filter(line -> line.direction() == TranscriptLine.Direction.SERVER)
                    .map(TranscriptLine::text)
                    .toList();
            assertThat(serverLines).isNotEmpty().noneMatch(line -> line.matches("\\d{3}[ -][245]\\.\\d+\\.\\d+.*"));
            assertThat(serverLines).noneMatch(line -> line.contains("ENHANCEDSTATUSCODES"));
        }
    }

    @Test
    void heloInsteadOfEhlo() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Session session = session(server,
                    "mail.smtp.ehlo", "false",
                    "mail.smtp.localhost", "old-client.example",
                    "mail.smtp.dsn.notify", "FAILURE");
            MimeMessage message = message(session, "alice@example.com", "bob@example.com", "HELO");
            message.setText("plain SMTP\r\n", "UTF-8");
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(clientLines(server)).contains("HELO old-client.example").noneMatch(l -> l.startsWith("EHLO"));
            assertThat(mail.envelope().heloName()).isEqualTo("old-client.example");
            assertThat(onlySession(server).heloName()).hasValue("old-client.example");
            // no ESMTP, so Angus sends no DSN parameters
            assertThat(mail.envelope().recipientDetails().get(0).parameters()).isEmpty();
            assertThat(mail.text()).isEqualTo("plain SMTP\r\n");
        }
    }

    @Test
    void chunkingWithBdatArrivesByteForByte() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Session session = session(server, "mail.smtp.chunksize", "100");
            MimeMessage message = message(session, "alice@example.com", "bob@example.com", "Chunks");
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                body.append("line ").append(i).append(" \u00fc with some padding to fill the chunks\r\n");
            }
            message.setText(body.toString(), "UTF-8");
            message.saveChanges();
            byte[] expected = MailSessions.bytesOf(message);
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                transport.sendMessage(message, message.getAllRecipients());
            }

            ReceivedMail mail = awaitOne(server);
            List<String> bdats = clientLines(server).stream().filter(line -> line.startsWith("BDAT ")).toList();
            assertThat(bdats).hasSizeGreaterThan(2);
            assertThat(bdats.subList(0, bdats.size() - 1)).containsOnly("BDAT 100");
            assertThat(bdats.get(bdats.size() - 1)).endsWith(" LAST");
            assertThat(bdats.stream().mapToInt(line -> Integer.parseInt(line.split(" ")[1])).sum())
                    .isEqualTo(mail.size());
            assertThat(clientLines(server)).doesNotContain("DATA");
            assertThat(mail.raw()).isEqualTo(expected);
            assertThat(mail.text()).isEqualTo(body.toString());
            assertThat(onlySession(server).violations()).isEmpty();
        }
    }

    @Test
    void bdatContentIsNotUnstuffed() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Session session = session(server, "mail.smtp.chunksize", "4096");
            MimeMessage message = message(session, "alice@example.com", "bob@example.com", "Dots");
            message.setText("first\r\n.leading dot\r\n.\r\nlast\r\n", "UTF-8");
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(clientLines(server)).anyMatch(line -> line.startsWith("BDAT ") && line.endsWith(" LAST"));
            // Angus 2.0.5 wrongly dot-stuffs BDAT content (eclipse-ee4j/angus-mail#209). RFC 3030 chunks are
            // taken octet for octet, so the server must keep the extra dots: what a real MTA would deliver.
            assertThat(mail.rawText()).contains("first\r\n..leading dot\r\n..\r\nlast\r\n");
        }
    }

    @Test
    void withoutChunkingAngusFallsBackToData() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().hide(Extension.CHUNKING).build().start()) {
            Session session = session(server, "mail.smtp.chunksize", "100");
            MimeMessage message = message(session, "alice@example.com", "bob@example.com", "No chunks");
            message.setText("data please\r\n", "UTF-8");
            Transport.send(message);

            ReceivedMail mail = awaitOne(server);
            assertThat(clientLines(server)).contains("DATA").noneMatch(line -> line.startsWith("BDAT"));
            assertThat(mail.text()).isEqualTo("data please\r\n");
        }
    }
}
