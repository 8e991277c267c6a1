package dev.fakesmtp.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fakesmtp.Extension;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.internal.Command;
import dev.fakesmtp.internal.ServerSettings;
import dev.fakesmtp.internal.command.PathParser.ParsedPath;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the command line parser and the MAIL/RCPT argument parsing (in this package because
 * {@link PathParser} and {@link EsmtpParameters} are package-private). The input is one command
 * line as the server would see it: any bytes but LF, decoded as UTF-8; a CR inside the line is
 * possible on the wire (only the CR before the LF is dropped). Every outcome must be a parsed
 * command or a {@link CommandRejected} carrying a well-formed error reply; nothing else may
 * escape. Without {@code JAZZER_FUZZ} these run the seeds in {@code CommandParserFuzzTestInputs}.
 */
@Timeout(60)
class CommandParserFuzzTest {

    private static final ServerSettings EVERYTHING = settings(FakeSmtpServer.builder());
    private static final ServerSettings NOTHING = settings(FakeSmtpServer.builder().hide(Extension.values()));

    @FuzzTest(maxDuration = "2m")
    void commandLineParses(byte[] input) {
        String line = commandLine(input);
        Command command = Command.parse(line);
        assertThat(line).startsWith(command.name());
        assertThat(command.name()).doesNotContain(" ");
        assertThat(command.argument()).isEqualTo(command.argument().strip());
        assertThat(command.line()).isEqualTo(line);
        command.verb().ifPresent(verb -> assertThat(command.name().toUpperCase(Locale.ROOT)).isEqualTo(verb.name()));
        if (!command.hasArgument()) {
            assertThat(command.argument()).isEmpty();
        }
    }

    @FuzzTest(maxDuration = "2m")
    void mailAndRcptArgumentsParseOrAreRejectedCleanly(byte[] input) {
        String argument = commandLine(input).strip();
        parseSafely(argument, "FROM:", false);
        parseSafely(argument, "TO:", true);
    }

    private static void parseSafely(String argument, String keyword, boolean recipient) {
        ParsedPath path;
        try {
            path = PathParser.parse(argument, keyword, "syntax", recipient ? "5.1.3" : "5.1.7", recipient);
        } catch (CommandRejected rejected) {
            assertWellFormedRefusal(rejected);
            return;
        }
        assertThat(path.address().isEmpty() || AddressSyntax.isMailbox(path.address())
                || (recipient && path.address().equalsIgnoreCase("postmaster")))
                .as("a parsed address is a mailbox: <%s>", path.address()).isTrue();
        for (Map.Entry<String, String> parameter : path.parameters().entrySet()) {
            assertThat(parameter.getKey()).matches("[A-Z0-9][A-Z0-9-]*");
            assertThat(parameter.getValue()).doesNotContain(" ", "=", "\r");
        }
        for (ServerSettings settings : new ServerSettings[] {EVERYTHING, NOTHING}) {
            try {
                if (recipient) {
                    EsmtpParameters.checkRcpt(path.parameters(), settings);
                } else {
                    EsmtpParameters.checkMail(path.parameters(), settings);
                }
            } catch (CommandRejected rejected) {
                assertWellFormedRefusal(rejected);
            }
        }
    }

    private static void assertWellFormedRefusal(CommandRejected rejected) {
        SmtpReply reply = rejected.reply();
        assertThat(reply.code()).isBetween(500, 599);
        assertThat(new String(reply.toBytes(true), StandardCharsets.UTF_8))
                .matches("(?s)5[0-9]{2} 5\\.[0-9]{1,3}\\.[0-9]{1,3} [^\r\n]*\r\n");
    }

    /** What the session hands the parser: the bytes before the first LF, one CR before it dropped. */
    private static String commandLine(byte[] input) {
        int end = 0;
        while (end < input.length && input[end] != '\n') {
            end++;
        }
        if (end > 0 && input[end - 1] == '\r') {
            end--;
        }
        return new String(input, 0, end, StandardCharsets.UTF_8);
    }

    /** The settings a builder makes; read reflectively, since only the server holds them. */
    private static ServerSettings settings(FakeSmtpServer.Builder builder) {
        try {
            Field field = FakeSmtpServer.class.getDeclaredField("settings");
            field.setAccessible(true);
            return (ServerSettings) field.get(builder.build());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("FakeSmtpServer no longer keeps its ServerSettings in 'settings'", e);
        }
    }
}
