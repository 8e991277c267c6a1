package dev.fakesmtp.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.Extension;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.Violation;
import dev.fakesmtp.support.Eventually;
import dev.fakesmtp.support.SmtpDialogue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLSocket;

/**
 * One way to provoke each {@link Violation.Type}: the server configuration, a raw dialogue that
 * asserts the replies of a lenient and of a strict server, and the text the violation's detail
 * must contain. The switch has no default, so a new type does not compile without a scenario.
 */
final class ViolationScenarios {

    /** Date, From and Message-ID: nothing but the provoked violation may be wrong with a message. */
    static final String HEADERS = "Date: Thu, 26 Nov 2026 12:00:00 +0000\r\nFrom: a@example.com\r\n"
            + "Message-ID: <conformance@example.com>\r\n";

    /** A dialogue against a server; asserts the replies that differ between lenient and strict. */
    @FunctionalInterface
    interface Dialogue {
        void run(FakeSmtpServer server, boolean strict) throws Exception;
    }

    /**
     * @param config the server configuration beyond {@code strict()}
     * @param detail what the violation's detail must contain
     * @param dialogue the client's part
     */
    record Scenario(UnaryOperator<FakeSmtpServer.Builder> config, String detail, Dialogue dialogue) {
    }

    private ViolationScenarios() {
    }

    static Scenario of(Violation.Type type) {
        return switch (type) {
            case BARE_LF -> new Scenario(b -> b, "Command line ended in a bare LF: NOOP", (server, strict) -> {
                try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                    smtp.sendRaw("NOOP\n").expect(strict ? "500 5.5.2" : "250 2.0.0");
                    smtp.send("QUIT").expect("221 ");
                }
            });
            case BARE_CR -> new Scenario(b -> b, "Message content has a bare CR", (server, strict) ->
                    message(server, "", HEADERS + "\r\na\rb\r\n", strict ? "550 5.6.0 Message refused: bare CR" : "250 "));
            case COMMAND_LINE_TOO_LONG -> new Scenario(b -> b.maxCommandLineLength(2_000),
                    "607 octets (RFC 5321 allows 512): NOOP xxx", (server, strict) -> {
                        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                            smtp.send("NOOP " + "x".repeat(600)).expect(strict ? "500 5.5.6" : "250 2.0.0");
                            smtp.send("QUIT").expect("221 ");
                        }
                    });
            case TEXT_LINE_TOO_LONG -> new Scenario(b -> b, "line over the text line limit", (server, strict) ->
                    message(server, "", HEADERS + "\r\n" + "z".repeat(999) + "\r\n",
                            strict ? "550 5.6.0 Message refused: a line is longer than 1000" : "250 "));
            case EIGHT_BIT_WITHOUT_8BITMIME -> new Scenario(b -> b, "8-bit octets but MAIL FROM had neither",
                    (server, strict) -> message(server, "", HEADERS + "\r\ncaf\u00e9\r\n",
                            strict ? "550 5.6.0 Message refused: 8-bit" : "250 "));
            case COMMAND_OUT_OF_SEQUENCE -> new Scenario(b -> b, "MAIL in state CONNECTED: Bad sequence of commands",
                    (server, strict) -> {
                        try (SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
                            smtp.send("MAIL FROM:<a@example.com>").expect("503 5.5.1");
                            smtp.send("QUIT").expect("221 ");
                        }
                    });
            case NO_QUIT -> new Scenario(b -> b, "The client closed the connection without QUIT", (server, strict) -> {
                try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                    smtp.send("NOOP").expect("250 ");
                }
                Eventually.assertWithin(Duration.ofSeconds(5), () -> assertThat(server.sessions().get(0).end())
                        .isEqualTo(SessionEnd.CLIENT_DISCONNECTED));
            });
            case AUTH_WITHOUT_TLS -> new Scenario(b -> b.startTls().credentials("alice", "secret"),
                    "AUTH PLAIN in clear text although STARTTLS was offered", (server, strict) -> {
                        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                            smtp.send("AUTH PLAIN " + plain("alice", "secret")).expect(strict ? "538 5.7.11" : "235 2.7.0");
                            smtp.send("QUIT").expect("221 ");
                        }
                    });
            case DATA_AFTER_STARTTLS -> new Scenario(b -> b.startTls(),
                    "6 octets sent after STARTTLS before the handshake were discarded", ViolationScenarios::injectAfterStartTls);
            case COMMAND_BEFORE_GREETING -> new Scenario(b -> b, "The client sent before the 220 greeting",
                    EarlyTalker::talkFirst);
            case PIPELINING_NOT_ADVERTISED -> new Scenario(b -> b.hide(Extension.PIPELINING),
                    "Sent without waiting for the reply to MAIL: RCPT TO:<b@example.com>", (server, strict) -> {
                        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                            smtp.sendRaw("MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\n");
                            smtp.expect("250 2.1.0");
                            smtp.expect(strict ? "500 5.5.0" : "250 2.1.5");
                            smtp.send("QUIT").expect("221 ");
                        }
                    });
            case PIPELINING_AFTER_GROUP_END -> new Scenario(b -> b,
                    "Sent without waiting for the reply to EHLO, which ends a group: MAIL FROM:<a@example.com>",
                    (server, strict) -> {
                        try (SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
                            smtp.sendRaw("EHLO client.test\r\nMAIL FROM:<a@example.com>\r\n");
                            smtp.expect("250 ");
                            smtp.expect(strict ? "500 5.5.0" : "250 2.1.0");
                            smtp.send("QUIT").expect("221 ");
                        }
                    });
            case NON_ASCII_WITHOUT_SMTPUTF8 -> new Scenario(b -> b,
                    "Non-ASCII sender without SMTPUTF8: <j\u00f6s\u00e9@example.com>", (server, strict) -> {
                        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                            smtp.send("MAIL FROM:<j\u00f6s\u00e9@example.com>").expect("553 5.6.7");
                            smtp.send("QUIT").expect("221 ");
                        }
                    });
            case MALFORMED_UTF8 -> new Scenario(b -> b, "Not valid UTF-8: MAIL FROM:<j\\xF6rg@example.com> SMTPUTF8",
                    (server, strict) -> {
                        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                            byte[] latin1 = "MAIL FROM:<j\u00f6rg@example.com> SMTPUTF8\r\n"
                                    .getBytes(StandardCharsets.ISO_8859_1);
                            smtp.sendRaw(latin1).expect("501 5.1.7");
                            smtp.send("QUIT").expect("221 ");
                        }
                    });
            case ADDRESS_TOO_LONG -> new Scenario(b -> b,
                    "MAIL FROM: local part of 65 octets, RFC 5321 §4.5.3.1 allows 64", (server, strict) -> {
                        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                            smtp.send("MAIL FROM:<" + "a".repeat(65) + "@example.com>")
                                    .expect(strict ? "501 5.1.7 Path too long" : "250 2.1.0");
                            smtp.send("QUIT").expect("221 ");
                        }
                    });
            case ADDRESS_SYNTAX -> new Scenario(b -> b, "MAIL FROM: a raw TAB in a quoted local part", (server, strict) -> {
                try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                    smtp.send("MAIL FROM:<\"a\tb\"@example.com>").expect(strict ? "501 5.1.7" : "250 2.1.0");
                    smtp.send("QUIT").expect("221 ");
                }
            });
            case SIZE_EXCEEDED_DECLARED -> new Scenario(b -> b, "MAIL declared SIZE=10 but sent "
                    + (HEADERS + "\r\nhi\r\n").length() + " octets",
                    (server, strict) -> message(server, " SIZE=10", HEADERS + "\r\nhi\r\n",
                            strict ? "552 5.3.4" : "250 "));
            case MISSING_HEADER -> new Scenario(b -> b, "The message has no Date header", (server, strict) ->
                    message(server, "", HEADERS.replace("Date: Thu, 26 Nov 2026 12:00:00 +0000\r\n", "") + "\r\nhi\r\n",
                            strict ? "550 5.6.0 Message refused: no Date header" : "250 "));
            case NUL_IN_CONTENT -> new Scenario(b -> b, "Message content has a NUL octet", (server, strict) ->
                    message(server, "", HEADERS + "\r\na\0b\r\n", strict ? "550 5.6.0 Message refused: a NUL" : "250 "));
            case COMMAND_SYNTAX -> new Scenario(b -> b, "A space after FROM: (RFC 5321 §4.1.2)", (server, strict) -> {
                try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                    smtp.send("MAIL FROM: <a@example.com>").expect(strict ? "501 5.5.4" : "250 2.1.0");
                    smtp.send("QUIT").expect("221 ");
                }
            });
        };
    }

    /** One transaction with {@code content} (without the final dot), expecting {@code reply} at its end. */
    static void message(FakeSmtpServer server, String mailParameters, String content, String reply) {
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>" + mailParameters).expect("250 2.1.0");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw(content + ".\r\n").expect(reply);
            smtp.send("QUIT").expect("221 ");
        }
    }

    /** STARTTLS with a NOOP in the same write: the NOOP is dropped, the handshake and EHLO go on. */
    private static void injectAfterStartTls(FakeSmtpServer server, boolean strict) throws IOException {
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.sendRaw("STARTTLS\r\nNOOP\r\n").expect("220 2.0.0");
            SSLSocket tls = (SSLSocket) server.clientTls().socketFactory()
                    .createSocket(smtp.socket(), server.host(), server.port(), true);
            tls.startHandshake();
            OutputStream out = tls.getOutputStream();
            out.write("EHLO client.test\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader replies = new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.UTF_8));
            // No reply to the injected NOOP: EHLO's reply is the first.
            String line = replies.readLine();
            assertThat(line).startsWith("250-localhost");
            while (line.startsWith("250-")) {
                line = replies.readLine();
            }
            assertThat(line).startsWith("250 ");
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(replies.readLine()).startsWith("221 2.0.0");
            assertThat(server.sessions().get(0).tls()).isPresent();
        }
    }

    static String plain(String user, String password) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The session that recorded violations; there is exactly one. */
    static SmtpSession violatingSession(FakeSmtpServer server) {
        Eventually.assertWithin(Duration.ofSeconds(5), () -> assertThat(server.sessions())
                .extracting(SmtpSession::end).doesNotContain(SessionEnd.OPEN));
        return server.sessions().stream().filter(session -> !session.violations().isEmpty())
                .reduce((a, b) -> {
                    throw new AssertionError("More than one session has violations: " + server.sessions());
                })
                .orElseThrow(() -> new AssertionError("No session recorded a violation; transcripts:\n"
                        + server.sessions().stream().map(SmtpSession::transcriptText).toList()));
    }
}
