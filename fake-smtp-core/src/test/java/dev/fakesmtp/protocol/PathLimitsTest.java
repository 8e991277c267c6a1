package dev.fakesmtp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.Violation;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 5321 §4.5.3.1: a local part is at most 64 octets, a domain 255, a whole path 256 (the
 * brackets and any source route included). Past a limit a lenient server records
 * {@code ADDRESS_TOO_LONG} and accepts; a strict one answers {@code 501} with the sender's
 * ({@code 5.1.7}) or the recipient's ({@code 5.1.3}) enhanced code. Octets, not characters:
 * {@code ö} is two.
 */
@Timeout(10)
class PathLimitsTest {

    /** A domain of {@code octets} octets made of labels of at most 63. */
    static String domain(int octets) {
        StringBuilder domain = new StringBuilder();
        while (octets - domain.length() > 63) {
            domain.append("d".repeat(Math.min(63, octets - domain.length() - 2))).append('.');
        }
        return domain.append("d".repeat(octets - domain.length())).toString();
    }

    /** Over-long paths, each with the limit it breaks first: local part, then domain, then path. */
    static List<Arguments> tooLong() {
        return List.of(
                tooLong("l".repeat(65) + "@example.com", "local part of 65 octets", 64),
                tooLong("\u00f6".repeat(33) + "@example.com", "local part of 66 octets", 64),
                tooLong("\"" + "q".repeat(63) + "\"@example.com", "local part of 65 octets", 64),
                tooLong("a@" + domain(256), "domain of 256 octets", 255),
                // A domain at its limit breaks only the path's: a@ and the brackets make 259.
                tooLong("a@" + domain(255), "path of 259 octets", 256),
                tooLong("l".repeat(64) + "@" + domain(190), "path of 257 octets", 256),
                tooLong("@" + domain(200) + ":a@" + domain(60), "path of 266 octets", 256));
    }

    private static Arguments tooLong(String address, String what, int limit) {
        return Arguments.of(address, what, limit);
    }

    static List<String> withinLimits() {
        return List.of(
                "l".repeat(64) + "@example.com",
                "\u00f6".repeat(32) + "@example.com",
                "l".repeat(64) + "@" + domain(189),
                "@" + domain(100) + ":a@" + domain(150),
                "\"" + "q".repeat(62) + "\"@example.com");
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("tooLong")
    void lenientServerRecordsAnOverLongPathAndAcceptsIt(String address, String what, int limit) {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send("MAIL FROM:<" + address + "> SMTPUTF8").expect("250 2.1.0 ");
                smtp.send("RCPT TO:<" + address + ">").expect("250 2.1.5 ");
                ReceivedMail mail = DialogueSteps.sendCompleteMessage(server, smtp);
                String mailbox = address.substring(address.indexOf(':') + 1); // without a source route
                assertThat(mail.envelope().mailFrom()).isEqualTo(mailbox);
                assertThat(mail.envelope().recipients()).containsExactly(mailbox);
                smtp.send("QUIT").expect("221 ");
            }
            assertThat(session(server).violations()).extracting(Violation::type, Violation::detail).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(Violation.Type.ADDRESS_TOO_LONG,
                            "MAIL FROM: " + what + ", RFC 5321 §4.5.3.1 allows " + limit + ": <" + address + ">"),
                    org.assertj.core.groups.Tuple.tuple(Violation.Type.ADDRESS_TOO_LONG,
                            "RCPT TO: " + what + ", RFC 5321 §4.5.3.1 allows " + limit + ": <" + address + ">"));
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("tooLong")
    void strictServerRefusesAnOverLongPathWith501(String address, String what, int limit) {
        try (FakeSmtpServer server = FakeSmtpServer.builder().strict().build().start()) {
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send("MAIL FROM:<" + address + "> SMTPUTF8").expect("501 5.1.7 Path too long: " + what + " (at most " + limit + ")");
                smtp.send("MAIL FROM:<a@example.com> SMTPUTF8").expect("250 2.1.0 ");
                smtp.send("RCPT TO:<" + address + ">").expect("501 5.1.3 Path too long: " + what + " (at most " + limit + ")");
                smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5 ");
                assertThat(DialogueSteps.sendCompleteMessage(server, smtp).envelope().recipients()).containsExactly("b@example.com");
                smtp.send("QUIT").expect("221 ");
            }
            assertThat(server.mailbox().messages()).hasSize(1);
            assertThat(session(server).violations()).extracting(Violation::type)
                    .containsExactly(Violation.Type.ADDRESS_TOO_LONG, Violation.Type.ADDRESS_TOO_LONG);
        }
    }

    @ParameterizedTest
    @MethodSource("withinLimits")
    void aPathAtTheLimitsIsFineEvenWhenStrict(String address) {
        try (FakeSmtpServer server = FakeSmtpServer.builder().strict().build().start()) {
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send("MAIL FROM:<" + address + "> SMTPUTF8").expect("250 2.1.0 ");
                smtp.send("RCPT TO:<" + address + ">").expect("250 2.1.5 ");
                smtp.send("QUIT").expect("221 ");
            }
            assertThat(session(server).violations()).isEmpty();
        }
    }

    /** {@code qtextSMTP} (RFC 5321 §4.1.2) is %d32-33 / %d35-91 / %d93-126: no HT. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aRawTabInAQuotedLocalPartIsAViolation(boolean strict) {
        FakeSmtpServer.Builder builder = FakeSmtpServer.builder();
        try (FakeSmtpServer server = (strict ? builder.strict() : builder).build().start()) {
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send("MAIL FROM:<\"a\tb\"@example.com>").expect(strict ? "501 5.1.7 " : "250 2.1.0 ");
                smtp.send("RSET").expect("250 ");
                smtp.send("MAIL FROM:<s@example.com>").expect("250 2.1.0 ");
                smtp.send("RCPT TO:<\"c\td\"@example.com>").expect(strict ? "501 5.1.3 " : "250 2.1.5 ");
                smtp.send("QUIT").expect("221 ");
            }
            assertThat(session(server).violations()).extracting(Violation::type, Violation::detail).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(Violation.Type.ADDRESS_SYNTAX,
                            "MAIL FROM: a raw TAB in a quoted local part (RFC 5321 §4.1.2 qtextSMTP): <\"a\\x09b\"@example.com>"),
                    org.assertj.core.groups.Tuple.tuple(Violation.Type.ADDRESS_SYNTAX,
                            "RCPT TO: a raw TAB in a quoted local part (RFC 5321 §4.1.2 qtextSMTP): <\"c\\x09d\"@example.com>"));
        }
    }

    @Test
    void aQuotedLocalPartWithoutTabIsNoViolation() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().strict().build().start()) {
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send("MAIL FROM:<\"a b\\\"c\"@example.com>").expect("250 2.1.0 ");
                smtp.send("QUIT").expect("221 ");
            }
            assertThat(session(server).violations()).isEmpty();
        }
    }

    private static SmtpSession session(FakeSmtpServer server) {
        dev.fakesmtp.support.Eventually.assertWithin(Duration.ofSeconds(5), () -> assertThat(server.sessions())
                .singleElement().extracting(SmtpSession::end).isNotEqualTo(dev.fakesmtp.SessionEnd.OPEN));
        return server.sessions().get(0);
    }
}
