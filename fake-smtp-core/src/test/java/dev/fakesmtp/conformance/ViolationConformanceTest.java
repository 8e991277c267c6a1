package dev.fakesmtp.conformance;

import static dev.fakesmtp.conformance.ViolationScenarios.HEADERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.Violation;
import dev.fakesmtp.conformance.ViolationScenarios.Scenario;
import dev.fakesmtp.support.SmtpDialogue;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every {@link Violation.Type}, provoked by a raw client (see {@link ViolationScenarios}): a
 * lenient server records it, with its detail, and nothing else, and goes on as usual; a strict
 * server records it too and answers with its error reply.
 */
@Timeout(30)
class ViolationConformanceTest {

    @ParameterizedTest
    @EnumSource(Violation.Type.class)
    void lenientServerRecordsExactlyThisViolation(Violation.Type type) throws Exception {
        assertProvoked(type, false);
    }

    @ParameterizedTest
    @EnumSource(Violation.Type.class)
    void strictServerRecordsItAndAnswersWithItsError(Violation.Type type) throws Exception {
        assertProvoked(type, true);
    }

    /**
     * Date and From are MUSTs (RFC 5322 §3.6): strict refuses a message without them. Message-ID
     * is a SHOULD (§3.6.4) that a submission server may add (RFC 6409 §8.3): recorded in both
     * modes, refused by neither.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Date", "From", "Message-ID"})
    void eachRequiredHeaderIsCheckedOnItsOwn(String header) {
        for (boolean strict : new boolean[] {false, true}) {
            boolean refused = strict && !header.equals("Message-ID");
            try (FakeSmtpServer server = build(b -> b, strict)) {
                ViolationScenarios.message(server, "", without(header),
                        refused ? "550 5.6.0 Message refused: no " + header + " header" : "250 2.0.0");
                assertMissing(server, header);
                assertThat(server.mailbox().messages()).hasSize(refused ? 0 : 1);
            }
        }
    }

    /** A user who wants Message-ID enforced asks for it; then it is refused whether strict or not. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void requireMessageIdRefusesAMessageWithoutOne(boolean strict) {
        try (FakeSmtpServer server = build(FakeSmtpServer.Builder::requireMessageId, strict)) {
            ViolationScenarios.message(server, "", without("Message-ID"),
                    "550 5.6.0 Message refused: no Message-ID header");
            ViolationScenarios.message(server, "", HEADERS + "\r\nhi\r\n", "250 2.0.0");
            assertMissing(server, "Message-ID");
            assertThat(server.mailbox().messages()).hasSize(1);
        }
    }

    private static String without(String header) {
        return HEADERS.lines().filter(line -> !line.startsWith(header + ":"))
                .map(line -> line + "\r\n").reduce("", String::concat) + "\r\nhi\r\n";
    }

    private static void assertMissing(FakeSmtpServer server, String header) {
        SmtpSession session = ViolationScenarios.violatingSession(server);
        assertThat(session.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.type()).isEqualTo(Violation.Type.MISSING_HEADER);
            assertThat(violation.detail()).isEqualTo("The message has no " + header + " header");
        });
    }

    /**
     * A CR that is not part of the line's CRLF is a bare CR in a command line as much as in a
     * message (RFC 5321 §2.3.8), and as likely to be a parser-differential trick.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void bareCrInsideACommandLineIsRecorded(boolean strict) {
        try (FakeSmtpServer server = build(b -> b, strict)) {
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.sendRaw("NOOP a\rb\r\n").expect(strict ? "500 " : "250 ");
                smtp.send("QUIT").expect("221 ");
            }
            assertThat(ViolationScenarios.violatingSession(server).violations()).extracting(Violation::type)
                    .containsExactly(Violation.Type.BARE_CR);
        }
    }

    private static void assertProvoked(Violation.Type type, boolean strict) throws Exception {
        Scenario scenario = ViolationScenarios.of(type);
        try (FakeSmtpServer server = build(scenario.config(), strict)) {
            scenario.dialogue().run(server, strict);
            SmtpSession session = ViolationScenarios.violatingSession(server);
            assertThat(session.violations()).as("transcript:%n%s", session.transcriptText())
                    .singleElement().satisfies(violation -> {
                        assertThat(violation.type()).isEqualTo(type);
                        assertThat(violation.detail()).contains(scenario.detail());
                    });
        }
    }

    private static FakeSmtpServer build(UnaryOperator<FakeSmtpServer.Builder> config, boolean strict) {
        FakeSmtpServer.Builder builder = config.apply(FakeSmtpServer.builder());
        return (strict ? builder.strict() : builder).build().start();
    }
}
