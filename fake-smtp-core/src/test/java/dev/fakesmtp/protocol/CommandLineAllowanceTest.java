package dev.fakesmtp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.Violation;
import dev.fakesmtp.support.SmtpDialogue;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A command line is at most 512 octets (RFC 5321 §4.5.3.1.4), or {@code maxCommandLineLength};
 * MAIL and RCPT grow only by what the ESMTP parameters actually on the line add: SIZE 26 (RFC
 * 1870), AUTH 500 (RFC 4954), RET/ENVID 100 and NOTIFY/ORCPT 500 (RFC 3461), SMTPUTF8 10 (RFC
 * 6531), BODY its own 16. For every set of parameters, a line of exactly the limit passes and one
 * octet more gets 500 5.5.6 and a violation. (The lines are padded with trailing blanks, which
 * MAIL and RCPT ignore, so that no long address mixes path limits into the line limit.)
 */
@Timeout(20)
class CommandLineAllowanceTest {

    static Stream<Arguments> parameterSets() {
        List<Arguments> sets = new ArrayList<>();
        String mail = "MAIL FROM:<a@example.com>";
        sets.add(Arguments.of(mail, 0));
        sets.add(Arguments.of(mail + " SIZE=1000", 26));
        sets.add(Arguments.of(mail + " BODY=8BITMIME", 16));
        sets.add(Arguments.of(mail + " AUTH=<>", 500));
        sets.add(Arguments.of(mail + " RET=HDRS", 100));
        sets.add(Arguments.of(mail + " RET=FULL ENVID=QQ314159", 100));
        sets.add(Arguments.of(mail + " SMTPUTF8", 10));
        sets.add(Arguments.of(mail + " SIZE=1000 BODY=8BITMIME AUTH=<> RET=HDRS ENVID=x SMTPUTF8", 652));
        String rcpt = "RCPT TO:<b@example.com>";
        sets.add(Arguments.of(rcpt, 0));
        sets.add(Arguments.of(rcpt + " NOTIFY=NEVER", 500));
        sets.add(Arguments.of(rcpt + " NOTIFY=SUCCESS ORCPT=rfc822;b@example.com", 500));
        return sets.stream();
    }

    @ParameterizedTest(name = "{0} (+{1})")
    @MethodSource("parameterSets")
    void exactlyTheLimitPassesOneOctetMoreIsRefused(String command, int allowance) {
        int limit = 512 + allowance;
        for (boolean strict : new boolean[] {false, true}) {
            FakeSmtpServer.Builder builder = FakeSmtpServer.builder();
            try (FakeSmtpServer server = (strict ? builder.strict() : builder).build().start();
                 SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                openFor(smtp, command);
                smtp.send(padded(command, limit)).expect("250 ");
                smtp.send("RSET").expect("250 ");
                openFor(smtp, command);
                smtp.send(padded(command, limit + 1)).expect("500 5.5.6 Line too long (the limit is " + limit + " octets)");
                assertTooLong(server.sessions().get(0), limit + 1);
            }
        }
    }

    /**
     * What only looks like a parameter adds nothing: a keyword inside a quoted local part (which
     * may hold '>' and an escaped quote, RFC 5321 §4.1.2), after a path without its '<', a MAIL
     * parameter on RCPT, parameters on any other command. Each line is one octet over 512.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "MAIL FROM:<\"a> SIZE=1000 AUTH=<>\"@example.com>",
        "MAIL FROM:<\"a\\\"> SIZE=1000 AUTH=<>\"@example.com>",
        "MAIL FROM:a@example.com> SIZE=1000 RET=HDRS",
        "RCPT TO:<b@example.com> SIZE=1000 AUTH=<>",
        "NOOP <a@example.com> SIZE=1000 AUTH=<> NOTIFY=NEVER",
        "VRFY <a@example.com> NOTIFY=NEVER"})
    void keywordsThatAreNotParametersOfTheLineAddNothing(String command) {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            openFor(smtp, command);
            smtp.send(padded(command, 513)).expect("500 5.5.6 Line too long (the limit is 512 octets)");
        }
    }

    @Test
    void maxCommandLineLengthHoldsForMailAndRcptToo() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().maxCommandLineLength(100).build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send(padded("MAIL FROM:<a@example.com>", 100)).expect("250 ");
            smtp.send(padded("RCPT TO:<b@example.com>", 101)).expect("500 5.5.6 Line too long (the limit is 100");
            smtp.send(padded("RCPT TO:<b@example.com> NOTIFY=NEVER", 600)).expect("250 ");
            smtp.send("RSET").expect("250 ");
            smtp.send(padded("MAIL FROM:<a@example.com>", 700)).expect("500 5.5.6 Line too long (the limit is 100");
        }
    }

    @Test
    void aLargerConfiguredLimitStillRecordsWhatRfc5321Allows() {
        for (boolean strict : new boolean[] {false, true}) {
            FakeSmtpServer.Builder builder = FakeSmtpServer.builder().maxCommandLineLength(2_000);
            try (FakeSmtpServer server = (strict ? builder.strict() : builder).build().start();
                 SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send(padded("MAIL FROM:<a@example.com>", 700))
                        .expect(strict ? "500 5.5.6 Line too long (RFC 5321 allows 512 octets)" : "250 ");
                assertTooLong(server.sessions().get(0), 700);
            }
        }
    }

    /** RCPT needs an open transaction; MAIL needs none. */
    private static void openFor(SmtpDialogue smtp, String command) {
        if (command.startsWith("RCPT")) {
            smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
        }
    }

    /** {@code command} with trailing blanks up to {@code octets}, CRLF included. */
    private static String padded(String command, int octets) {
        return command + " ".repeat(octets - 2 - command.length());
    }

    private static void assertTooLong(SmtpSession session, int octets) {
        assertThat(session.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.type()).isEqualTo(Violation.Type.COMMAND_LINE_TOO_LONG);
            assertThat(violation.detail()).startsWith(octets + " octets");
        });
    }
}
