package dev.fakesmtp.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.Authentication;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.Violation;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A SASL response (RFC 4954 §4) is a line like a command, so it ends in CRLF: a bare LF at its
 * end or a bare CR in it is recorded as for a command line (without the response itself), and a
 * strict server refuses the AUTH with 500 5.5.2; a lenient one authenticates.
 */
@Timeout(10)
class SaslResponseFramingTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            bare LF at the end   | {}\\n       | BARE_LF | Authentication response ended in a bare LF
            stray CR at the end  | {}\\r\\r\\n | BARE_CR | Authentication response has a bare CR
            stray CR first       | \\r{}\\r\\n | BARE_CR | Authentication response has a bare CR
            """)
    void recordedWhenLenientRefusedWhenStrict(String name, String framing, Violation.Type type, String detail) {
        String response = Sasl.plain("alice", "TOPSECRET");
        for (boolean strict : new boolean[] {false, true}) {
            FakeSmtpServer.Builder builder = FakeSmtpServer.builder();
            try (FakeSmtpServer server = (strict ? builder.strict() : builder).build().start()) {
                try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                    smtp.send("AUTH PLAIN").expect("334 ");
                    smtp.sendRaw(framing.replace("{}", response).replace("\\r", "\r").replace("\\n", "\n"))
                            .expect(strict ? "500 5.5.2" : "235 2.7.0");
                    smtp.send("QUIT").expect("221 ");
                }
                SmtpSession session = server.sessions().get(0);
                session.awaitEnd(Duration.ofSeconds(5));
                assertThat(session.violations()).as("strict=%s", strict).singleElement().satisfies(violation -> {
                    assertThat(violation.type()).isEqualTo(type);
                    assertThat(violation.detail()).startsWith(detail).contains("credentials hidden")
                            .doesNotContain(response);
                });
                assertThat(session.authentication().map(Authentication::user)).as("strict=%s", strict)
                        .isEqualTo(strict ? Optional.empty() : Optional.of("alice"));
            }
        }
    }
}
