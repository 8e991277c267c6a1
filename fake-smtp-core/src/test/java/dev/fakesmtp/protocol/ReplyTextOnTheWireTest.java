package dev.fakesmtp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.SmtpDialogue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reply line the server writes is printable US-ASCII or HT (RFC 5321 §4.2) and at most
 * 512 octets with its CRLF (§4.5.3.1.5), whatever the client put in the arguments a reply may
 * echo. The cases are generated: every command that takes an argument, in every position an
 * argument can be echoed from, times every control octet, DEL, 8-bit and UTF-8 octets, and
 * arguments that fill the line up to each limit, on lenient servers with the default and a
 * large command line limit and on a strict one.
 */
@Timeout(60)
class ReplyTextOnTheWireTest {

    /** {@code %s} is where the payload goes; each template runs after EHLO, {@code setup} first. */
    private static final List<Template> TEMPLATES = List.of(
            new Template("EHLO a%sb"),
            new Template("HELO a%sb"),
            new Template("MAIL FROM:<a%sb@example.com>", "RSET"),
            new Template("MAIL FROM:<a%sb@example.com> SMTPUTF8", "RSET"),
            new Template("MAIL FROM:<\"a%sb\"@example.com>", "RSET"),
            new Template("MAIL FROM:<a@example.com> X%s=1", "RSET"),
            new Template("MAIL FROM:<a@example.com> ENVID=a%sb", "RSET"),
            new Template("MAIL FROM:<@a%sb.example:a@example.com>", "RSET"),
            new Template("RCPT TO:<a%sb@example.com>", "RSET", "MAIL FROM:<s@example.com> SMTPUTF8"),
            new Template("RCPT TO:<a%sb@example.com>", "RSET", "MAIL FROM:<s@example.com>"),
            new Template("RCPT TO:<b@example.com> NOTIFY=a%sb", "RSET", "MAIL FROM:<s@example.com>"),
            new Template("VRFY a%sb"),
            new Template("VRFY <a%sb@example.com>"),
            new Template("EXPN a%sb"),
            new Template("HELP a%sb"),
            new Template("X%sY"),
            new Template("XYZZY a%sb"),
            new Template("AUTH X%sY"),
            new Template("AUTH PLAIN a%sb"),
            new Template("BDAT a%sb"),
            new Template("BDAT 0 a%sb", "RSET", "MAIL FROM:<s@example.com>", "RCPT TO:<r@example.com>"),
            new Template("DATA a%sb", "RSET"),
            new Template("NOOP a%sb"),
            new Template("RSET a%sb"),
            new Template("STARTTLS a%sb"));


    @ParameterizedTest(name = "{0} {1}, limit {2}")
    @MethodSource("cases")
    void everyReplyLineIsPrintableAsciiAndAtMost512Octets(String template, String mode, int lineLimit) {
        Template command = TEMPLATES.stream().filter(t -> t.command().equals(template)).findFirst().orElseThrow();
        FakeSmtpServer.Builder builder = FakeSmtpServer.builder()
                .maxCommandLineLength(lineLimit)
                .maxBadCommands(1_000_000)
                .user("bob@example.com", "Bob Smith")
                .mailingList("team", List.of("bob@example.com"));
        try (FakeSmtpServer server = (mode.equals("strict") ? builder.strict() : builder).build().start()) {
            SmtpDialogue smtp = afterEhlo(server);
            try {
                for (byte[] payload : payloads(command, lineLimit)) {
                    String what = command.command() + " with payload " + describe(payload);
                    for (String setup : command.setup()) {
                        exchange(smtp, setup.getBytes(StandardCharsets.US_ASCII), what + " (setup " + setup + ")");
                    }
                    List<String> reply = exchange(smtp, command.line(payload), what);
                    if (reply.get(0).startsWith("421 ")) {
                        // A BDAT whose size cannot be read leaves no way to find its chunk: the
                        // server closes (RFC 3030 §2). Its 421 was checked; go on on a new connection.
                        smtp.expectClosed();
                        smtp.close();
                        smtp = afterEhlo(server);
                        continue;
                    }
                    // One reply per command: the echo did not break the reply framing.
                    List<String> noop = exchange(smtp, "NOOP".getBytes(StandardCharsets.US_ASCII), what + " (NOOP after)");
                    assertThat(noop).as("the NOOP after %s", what).singleElement().asString().startsWith("250 ");
                }
            } finally {
                smtp.close();
            }
        }
    }

    private static SmtpDialogue afterEhlo(FakeSmtpServer server) {
        SmtpDialogue smtp = SmtpDialogue.greeted(server);
        exchange(smtp, "EHLO client.test".getBytes(StandardCharsets.US_ASCII), "EHLO");
        return smtp;
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Template template : TEMPLATES) {
            // A strict server refuses every line over 512 octets before it is dispatched, so a
            // larger limit only matters to a lenient one.
            cases.add(Arguments.of(template.command(), "lenient", 512));
            cases.add(Arguments.of(template.command(), "lenient", 8192));
            cases.add(Arguments.of(template.command(), "strict", 512));
        }
        return cases.stream();
    }

    /** Sends one command line and checks every line of its reply on the wire. */
    private static List<String> exchange(SmtpDialogue smtp, byte[] line, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(line);
        bytes.writeBytes(new byte[] {'\r', '\n'});
        smtp.sendRaw(bytes.toByteArray());
        List<String> reply = smtp.readReply();
        String code = reply.get(0).length() >= 3 ? reply.get(0).substring(0, 3) : reply.get(0);
        for (String replyLine : reply) {
            // readLine decodes UTF-8 and strips the CRLF it checked: an octet of 0x80 or more
            // shows as a char of 0x80 or more, so checking chars checks octets.
            assertThat(replyLine.length() + 2).as("octets of a reply line to %s: %s", what, replyLine)
                    .isLessThanOrEqualTo(512);
            assertThat(replyLine.chars().filter(c -> c != '\t' && (c < 0x20 || c > 0x7E)).toArray())
                    .as("non-printable characters in a reply line to %s: %s", what, replyLine).isEmpty();
            assertThat(replyLine).as("reply to %s", what).matches(code + "[- ].*");
        }
        assertThat(code).as("reply code to %s: %s", what, reply).matches("[2-5][0-9][0-9]");
        return reply;
    }

    /**
     * Every control octet but LF (which ends the line), DEL, lone 8-bit octets, UTF-8 (a letter,
     * a right-to-left override, an emoji), terminal escape sequences, and arguments that fill
     * the line to 512 octets, to the server's limit and beyond it, in ASCII and in UTF-8.
     */
    private static List<byte[]> payloads(Template template, int lineLimit) {
        List<byte[]> payloads = new ArrayList<>();
        for (int c = 0; c < 0x20; c++) {
            if (c != '\n') {
                payloads.add(new byte[] {(byte) c});
            }
        }
        payloads.add(new byte[] {0x7F});
        for (int c : new int[] {0x80, 0xA0, 0xC3, 0xF6, 0xFE, 0xFF}) {
            payloads.add(new byte[] {(byte) c});
        }
        payloads.add("ö".getBytes(StandardCharsets.UTF_8));
        payloads.add("\u202E".getBytes(StandardCharsets.UTF_8));
        payloads.add("\uD83D\uDE00".getBytes(StandardCharsets.UTF_8));
        payloads.add("\u001b[31mred\u0007".getBytes(StandardCharsets.UTF_8));
        payloads.add("\u001b[2J\u0000".getBytes(StandardCharsets.UTF_8));
        int base = template.line(new byte[0]).length + 2;
        for (int octets : new int[] {512 - base, lineLimit - base, lineLimit - base + 700, 12_288 - base}) {
            if (octets > 0) {
                payloads.add("x".repeat(octets).getBytes(StandardCharsets.US_ASCII));
                payloads.add("ö".repeat(octets / 2).getBytes(StandardCharsets.UTF_8));
                payloads.add("\u0001".repeat(octets).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return payloads;
    }

    private static String describe(byte[] payload) {
        String hex = HexFormat.of().formatHex(payload, 0, Math.min(payload.length, 8));
        return payload.length + " octets (" + hex + (payload.length > 8 ? "..." : "") + ")";
    }

    /**
     * @param command the command line, {@code %s} where the payload goes
     * @param setup the commands that put the session in the state the command needs
     */
    private record Template(String command, String... setup) {

        byte[] line(byte[] payload) {
            int at = command.indexOf("%s");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(command.substring(0, at).getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(payload);
            out.writeBytes(command.substring(at + 2).getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        }
    }
}
