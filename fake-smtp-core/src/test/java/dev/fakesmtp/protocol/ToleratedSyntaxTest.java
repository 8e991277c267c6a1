package dev.fakesmtp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.Violation;
import dev.fakesmtp.support.SmtpDialogue;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Grammar that real clients get wrong and a lenient server accepts: recorded as COMMAND_SYNTAX,
 * refused with 501 5.5.4 by a strict server. The EHLO/HELO name must be a domain or an address
 * literal (RFC 5321 §4.1.1.1, §4.1.3), in ASCII (RFC 6531 §3.7.1: the client cannot know yet
 * whether SMTPUTF8 is offered); no space may follow {@code FROM:} or {@code TO:} (§4.1.2).
 */
@Timeout(20)
class ToleratedSyntaxTest {

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"client.test", "localhost", "mail-1.example.com", "192.0.2.1", "[192.0.2.1]",
            "[IPv6:2001:db8::1]", "[IPv6:::1]", "xn--bcher-kva.example"})
    void aDomainOrAnAddressLiteralIsAValidName(String name) {
        for (String verb : new String[] {"EHLO", "HELO"}) {
            try (FakeSmtpServer server = FakeSmtpServer.builder().strict().build().start();
                 SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
                smtp.send(verb + " " + name).expect("250 ");
                assertThat(server.sessions().get(0).violations()).isEmpty();
            }
        }
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"!!!$$$", "my_host", "-bad.example", "bad-.example", "a..b", "[999.1.1.1]", "[not-an-ip]",
            "b\u00fccher.example", "host.example."})
    void anythingElseIsRecordedAndStrictRefusesIt(String name) {
        for (String verb : new String[] {"EHLO", "HELO"}) {
            for (boolean strict : new boolean[] {false, true}) {
                FakeSmtpServer.Builder builder = FakeSmtpServer.builder();
                try (FakeSmtpServer server = (strict ? builder.strict() : builder).build().start();
                     SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
                    smtp.send(verb + " " + name).expect(strict ? "501 5.5.4" : "250 ");
                    assertSyntax(server.sessions().get(0), verb + " name is neither a domain nor an address literal");
                    // A strict server is still waiting for a valid EHLO/HELO.
                    smtp.send("MAIL FROM:<a@example.com>").expect(strict ? "503 5.5.1" : "250 2.1.0");
                }
            }
        }
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"MAIL FROM: <a@example.com>", "MAIL FROM:\t<a@example.com>", "mail from:  <a@example.com>"})
    void aSpaceAfterFromIsRecordedAndStrictRefusesIt(String command) {
        for (boolean strict : new boolean[] {false, true}) {
            FakeSmtpServer.Builder builder = FakeSmtpServer.builder();
            try (FakeSmtpServer server = (strict ? builder.strict() : builder).build().start();
                 SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send(command).expect(strict ? "501 5.5.4" : "250 2.1.0");
                assertSyntax(server.sessions().get(0), "A space after FROM: (RFC 5321 §4.1.2)");
            }
        }
    }

    @ParameterizedTest(name = "strict={0}")
    @ValueSource(booleans = {false, true})
    void aSpaceAfterToIsRecordedAndStrictRefusesIt(boolean strict) {
        FakeSmtpServer.Builder builder = FakeSmtpServer.builder();
        try (FakeSmtpServer server = (strict ? builder.strict() : builder).build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
            smtp.send("RCPT TO: <b@example.com>").expect(strict ? "501 5.5.4" : "250 2.1.5");
            assertSyntax(server.sessions().get(0), "A space after TO: (RFC 5321 §4.1.2)");
        }
    }

    private static void assertSyntax(SmtpSession session, String detail) {
        assertThat(session.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.type()).isEqualTo(Violation.Type.COMMAND_SYNTAX);
            assertThat(violation.detail()).startsWith(detail);
        });
    }
}
