package dev.fakesmtp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.Violation;
import dev.fakesmtp.support.Eventually;
import dev.fakesmtp.support.SmtpDialogue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Octets that are not UTF-8 (RFC 3629) in an address: RFC 6531 §3.3 extends the address
 * syntax with UTF-8 only. The server never turns them into U+FFFD and accepts the result: it
 * records {@code MALFORMED_UTF8} and refuses the address with 501 and the address syntax code
 * (5.1.7 sender, 5.1.3 recipient), lenient or strict, since no text can stand in the envelope
 * for what the client sent. In EHLO and HELO the name is kept with the bad octets written
 * {@code \xHH} (strict: 501).
 */
@Timeout(10)
class MalformedUtf8Test {

    /** Latin-1 ö, a lone continuation octet, an overlong '/', a UTF-16 surrogate, a truncated sequence, 0xFF 0xFE. */
    static List<Arguments> malformed() {
        return List.of(
                Arguments.of(bytes("j", 0xF6, "rg"), "j\\xF6rg"),
                Arguments.of(bytes("a", 0x80, "b"), "a\\x80b"),
                Arguments.of(bytes("a", 0xC0, 0xAF, "b"), "a\\xC0\\xAFb"),
                Arguments.of(bytes("a", 0xED, 0xA0, 0x80, "b"), "a\\xED\\xA0\\x80b"),
                Arguments.of(bytes("a", 0xE2, 0x82, "b"), "a\\xE2\\x82b"),
                Arguments.of(bytes("", 0xFF, 0xFE, ""), "\\xFF\\xFE"));
    }

    @ParameterizedTest(name = "{1}, strict {2}")
    @MethodSource("malformedBothModes")
    void aSenderThatIsNotUtf8IsRefusedAndRecorded(byte[] local, String shown, boolean strict) {
        try (FakeSmtpServer server = build(strict)) {
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.sendRaw(line("MAIL FROM:<", local, "@b.example> SMTPUTF8"))
                        .expect("501 5.1.7 Not valid UTF-8 (RFC 3629): FROM:<" + shown + "@b.example> SMTPUTF8");
                smtp.send("MAIL FROM:<s@b.example>").expect("250 2.1.0 "); // no transaction was opened
                smtp.send("QUIT").expect("221 ");
            }
            assertThat(session(server).violations()).singleElement().satisfies(violation -> {
                assertThat(violation.type()).isEqualTo(Violation.Type.MALFORMED_UTF8);
                assertThat(violation.detail())
                        .isEqualTo("Not valid UTF-8: MAIL FROM:<" + shown + "@b.example> SMTPUTF8");
            });
        }
    }

    @ParameterizedTest(name = "{1}, strict {2}")
    @MethodSource("malformedBothModes")
    void aRecipientThatIsNotUtf8IsRefusedAndNeverReachesTheEnvelope(byte[] local, String shown, boolean strict) {
        try (FakeSmtpServer server = build(strict)) {
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send("MAIL FROM:<s@b.example> SMTPUTF8").expect("250 2.1.0 ");
                smtp.sendRaw(line("RCPT TO:<", local, "@b.example>"))
                        .expect("501 5.1.3 Not valid UTF-8 (RFC 3629): TO:<" + shown + "@b.example>");
                smtp.send("RCPT TO:<r@b.example>").expect("250 2.1.5 ");
                ReceivedMail mail = DialogueSteps.sendCompleteMessage(server, smtp);
                assertThat(mail.envelope().recipients()).containsExactly("r@b.example");
                smtp.send("QUIT").expect("221 ");
            }
            assertThat(session(server).violations()).extracting(Violation::type)
                    .containsExactly(Violation.Type.MALFORMED_UTF8);
        }
    }

    /** Without SMTPUTF8 the octets are wrong twice; MALFORMED_UTF8 names the worse. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void withoutSmtpUtf8ItIsStillMalformedUtf8(boolean strict) {
        try (FakeSmtpServer server = build(strict)) {
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.sendRaw(line("MAIL FROM:<", bytes("j", 0xF6, "rg"), "@b.example>")).expect("501 5.1.7 ");
                smtp.send("MAIL FROM:<s@b.example>").expect("250 2.1.0 ");
                smtp.sendRaw(line("RCPT TO:<", bytes("", 0xFF, 0xFE, ""), "@b.example>")).expect("501 5.1.3 ");
                smtp.send("QUIT").expect("221 ");
            }
            assertThat(session(server).violations()).extracting(Violation::type)
                    .containsExactly(Violation.Type.MALFORMED_UTF8, Violation.Type.MALFORMED_UTF8);
        }
    }

    /** A client may send U+FFFD itself, as valid UTF-8: that one is kept. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aReplacementCharacterTheClientSentIsKept(boolean strict) {
        try (FakeSmtpServer server = build(strict)) {
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send("MAIL FROM:<j\uFFFDrg@b.example> SMTPUTF8").expect("250 2.1.0 ");
                smtp.send("RCPT TO:<r@b.example>").expect("250 2.1.5 ");
                assertThat(DialogueSteps.sendCompleteMessage(server, smtp).envelope().mailFrom()).isEqualTo("j\uFFFDrg@b.example");
            }
        }
    }

    @ParameterizedTest(name = "{1}, strict {2}")
    @MethodSource("malformedBothModes")
    void anEhloNameThatIsNotUtf8IsRecordedAndNeverBecomesAReplacementCharacter(byte[] name, String shown,
                                                                                   boolean strict) {
        try (FakeSmtpServer server = build(strict)) {
            try (SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
                List<String> reply = smtp.sendRaw(line("EHLO h", name, ".example")).readReply();
                if (strict) {
                    assertThat(reply).containsExactly("501 5.5.4 Not valid UTF-8 (RFC 3629): h" + shown + ".example");
                    smtp.send("EHLO ok.example").expect("250 ");
                } else {
                    assertThat(reply.get(0)).isEqualTo("250-localhost Hello h" + shown + ".example");
                }
                smtp.send("MAIL FROM:<s@b.example>").expect("250 2.1.0 ");
                smtp.send("RCPT TO:<r@b.example>").expect("250 2.1.5 ");
                ReceivedMail mail = DialogueSteps.sendCompleteMessage(server, smtp);
                assertThat(mail.envelope().heloName()).isEqualTo(strict ? "ok.example" : "h" + shown + ".example")
                        .doesNotContain("\uFFFD");
                smtp.send("QUIT").expect("221 ");
            }
            assertThat(session(server).violations()).singleElement().satisfies(violation -> {
                assertThat(violation.type()).isEqualTo(Violation.Type.MALFORMED_UTF8);
                assertThat(violation.detail()).isEqualTo("Not valid UTF-8: EHLO h" + shown + ".example");
            });
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aHeloNameThatIsNotUtf8IsTreatedAsInEhlo(boolean strict) {
        try (FakeSmtpServer server = build(strict)) {
            try (SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
                smtp.sendRaw(line("HELO h", bytes("", 0xE2, 0x82, ""), "")).expect(strict
                        ? "501 5.5.4 Not valid UTF-8 (RFC 3629): h\\xE2\\x82"
                        : "250 localhost Hello h\\xE2\\x82");
                smtp.send("QUIT").expect("221 ");
            }
            assertThat(session(server).violations()).extracting(Violation::type, Violation::detail).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(Violation.Type.MALFORMED_UTF8, "Not valid UTF-8: HELO h\\xE2\\x82"));
        }
    }

    static List<Arguments> malformedBothModes() {
        return malformed().stream().flatMap(arguments -> java.util.stream.Stream.of(false, true)
                .map(strict -> Arguments.of(arguments.get()[0], arguments.get()[1], strict))).toList();
    }

    private static FakeSmtpServer build(boolean strict) {
        FakeSmtpServer.Builder builder = FakeSmtpServer.builder();
        return (strict ? builder.strict() : builder).build().start();
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            } else if (part instanceof byte[] octets) {
                out.writeBytes(octets);
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    private static byte[] line(String before, byte[] middle, String after) {
        return bytes(before, middle, after + "\r\n");
    }

    private static SmtpSession session(FakeSmtpServer server) {
        Eventually.assertWithin(Duration.ofSeconds(5), () -> assertThat(server.sessions())
                .singleElement().extracting(SmtpSession::end).isNotEqualTo(SessionEnd.OPEN));
        return server.sessions().get(0);
    }
}
