package dev.fakesmtp.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.support.Eventually;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A CR inside a command line (only the CR before the LF ends it) reaches the handlers, and many
 * of them echo their argument into the reply. A reply line must never carry that CR, and the
 * command must get an ordinary reply, never the 421 of an internal error: the session goes on.
 * (Found by {@code SessionFuzzTest}; its seed {@code cr-inside-an-address} is the MAIL case.)
 */
@Timeout(30)
class CarriageReturnInCommandsTest {

    @ParameterizedTest
    @ValueSource(strings = {"EHLO a\rb", "HELO a\rb", "VRFY a\rb", "EXPN a\rb", "HELP a\rb", "AUTH A\rB",
            "MAIL FROM:<a\rb@example.com>", "MAIL FROM:<a@example.com> X-A=b\rc",
            "MAIL FROM:<a@example.com>\r\nRCPT TO:<a\rb@example.com>", "NOOP a\rb", "BOGUS\rX"})
    void commandWithACarriageReturnGetsAWellFormedReplyAndTheSessionGoesOn(String commands) {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start();
             SmtpDialogue wire = SmtpDialogue.connect(server, SmtpDialogue.PATIENT_TIMEOUT)) {
            wire.expect("220 ");
            wire.sendRaw("EHLO client.test\r\n").expect("250 ");
            for (String command : commands.split("\r\n")) {
                List<String> reply = wire.sendRaw(command + "\r\n").readReplyOrNull();
                assertThat(reply).as("reply to %s", command.replace("\r", "<CR>")).isNotNull()
                        .noneMatch(line -> line.contains("\r"))
                        .noneMatch(line -> line.startsWith("421"));
            }
            wire.sendRaw("NOOP\r\n").expect("250 ");
            wire.sendRaw("QUIT\r\n").expect("221 ");
            Eventually.assertWithin(Duration.ofSeconds(5), () -> assertThat(server.sessions()).singleElement()
                    .extracting(SmtpSession::end).isEqualTo(SessionEnd.QUIT));
        }
    }
}
