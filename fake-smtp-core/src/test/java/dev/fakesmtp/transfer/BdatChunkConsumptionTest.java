package dev.fakesmtp.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 3030 §2: whatever is wrong with a BDAT line, the chunk it announces follows, and a server
 * that refuses the BDAT still reads and drops exactly that many octets. Here the chunk holds
 * commands ({@code RSET} and a MAIL from a smuggled sender): they must never run, whichever
 * check refuses the line (line ending, length, pipelining, syntax, policy, state). When the size
 * cannot be read, the server cannot know where the chunk ends: 421 and close, never a guess.
 */
@Timeout(20)
class BdatChunkConsumptionTest {

    private static final String CHUNK = "RSET\r\nMAIL FROM:<smuggled@x.y>\r\n";

    /**
     * One way to get a BDAT line refused.
     *
     * @param config the server beyond strict()
     * @param sent what the client writes before the chunk (the BDAT line, maybe a command before it)
     * @param replies the replies to {@code sent}, each as a prefix; the last is the BDAT's refusal
     */
    record Refused(String name, boolean strict, UnaryOperator<FakeSmtpServer.Builder> config, String sent,
                   List<String> replies) {
        @Override
        public String toString() {
            return name + (strict ? " (strict)" : " (lenient)");
        }
    }

    static Stream<Refused> refusedLines() {
        String line = "BDAT " + CHUNK.length() + " LAST";
        return Stream.of(
                new Refused("pipelined after NOOP", true, b -> b, "NOOP\r\n" + line + "\r\n",
                        List.of("250 ", "500 5.5.0")),
                new Refused("bare LF", true, b -> b, line + "\n", List.of("500 5.5.2")),
                new Refused("bare CR inside", true, b -> b, line.replace(" LAST", "\rLAST") + "\r\n",
                        List.of("500 5.5.2")),
                new Refused("over the configured length", false, b -> b, line + " ".repeat(520) + "\r\n",
                        List.of("500 5.5.6")),
                new Refused("over the length the server keeps", false, b -> b, line + " ".repeat(13_000) + "\r\n",
                        List.of("500 5.5.6")),
                new Refused("over RFC 5321's 512 octets", true, b -> b.maxCommandLineLength(2_000),
                        line + " ".repeat(600) + "\r\n", List.of("500 5.5.6")),
                new Refused("a bad word after the size", false, b -> b, "BDAT " + CHUNK.length() + " FIRST\r\n",
                        List.of("501 5.5.4")),
                new Refused("CHUNKING hidden", false, b -> b.hide(dev.fakesmtp.Extension.CHUNKING), line + "\r\n",
                        List.of("502 5.5.1")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("refusedLines")
    void theChunkIsReadAndDroppedNotRunAsCommands(Refused refused) {
        try (FakeSmtpServer server = start(refused.config(), refused.strict());
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
            smtp.sendRaw(refused.sent() + CHUNK);
            for (String reply : refused.replies()) {
                smtp.expect(reply);
            }
            // Had the chunk run, RSET's and the smuggled MAIL's replies would come before QUIT's.
            smtp.send("QUIT").expect("221 ");
            SmtpSession session = server.sessions().get(0);
            session.awaitEnd(Duration.ofSeconds(5));
            assertThat(session.transcriptText()).contains("(" + CHUNK.length() + " octets of BDAT chunk discarded)")
                    .doesNotContain("C: RSET", "smuggled");
            assertThat(server.mailbox().messages()).isEmpty();
        }
    }

    @ParameterizedTest(name = "\"{0}\"")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"BDAT 1234567890123456789 LAST", "BDAT x LAST",
            "BDAT -30 LAST", "BDAT 0x1e LAST", "BDAT", "BDAT LAST"})
    void anUnreadableSizeGets421AndTheConnectionCloses(String line) {
        for (boolean strict : new boolean[] {false, true}) {
            try (FakeSmtpServer server = start(b -> b, strict); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
                smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
                smtp.sendRaw(line + "\r\n" + CHUNK);
                assertThat(smtp.readReply()).singleElement().asString().startsWith("421 4.5.2 ")
                        .contains("chunk size");
                smtp.expectClosed();
                SmtpSession session = server.sessions().get(0);
                assertThat(session.awaitEnd(Duration.ofSeconds(5))).isEqualTo(SessionEnd.PROTOCOL_ERROR);
                assertThat(session.transcriptText()).doesNotContain("smuggled");
            }
        }
    }

    private static FakeSmtpServer start(UnaryOperator<FakeSmtpServer.Builder> config, boolean strict) {
        FakeSmtpServer.Builder builder = config.apply(FakeSmtpServer.builder());
        return (strict ? builder.strict() : builder).build().start();
    }
}
