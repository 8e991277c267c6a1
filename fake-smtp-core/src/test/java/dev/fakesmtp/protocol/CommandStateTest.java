package dev.fakesmtp.protocol;

import static dev.fakesmtp.protocol.DialogueSteps.sendData;
import static dev.fakesmtp.protocol.DialogueSteps.startServer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.support.SmtpDialogue;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command in every state of the dialogue (RFC 5321 §4.1.4, §4.3.2) and the state changes. */
@Timeout(10)
class CommandStateTest {

    /** The states a test can put a connection in, each entered with the commands that lead there. */
    enum State {
        GREETED, AFTER_EHLO, AFTER_MAIL, AFTER_RCPT;

        SmtpDialogue enter(FakeSmtpServer server) {
            SmtpDialogue smtp = SmtpDialogue.greeted(server);
            if (this != GREETED) {
                smtp.send("EHLO client.test").expect("250 ");
            }
            if (this == AFTER_MAIL || this == AFTER_RCPT) {
                smtp.send("MAIL FROM:<sender@example.com>").expect("250 2.1.0 ");
            }
            if (this == AFTER_RCPT) {
                smtp.send("RCPT TO:<rcpt@example.com>").expect("250 2.1.5 ");
            }
            return smtp;
        }
    }

    static Stream<Arguments> everyCommandInEveryState() {
        String[] commands = {"HELO client.test", "EHLO client.test", "MAIL FROM:<other@example.com>",
            "RCPT TO:<other@example.com>", "DATA", "BDAT 0 LAST", "RSET", "VRFY someone@example.com",
            "EXPN list", "HELP", "NOOP", "QUIT"};
        // Expected reply prefix per command (rows) and state (columns GREETED, EHLO, MAIL, RCPT).
        String[][] expected = {
            {"250 ", "250 ", "250 ", "250 "},
            {"250 ", "250 ", "250 ", "250 "},
            {"503 5.5.1 ", "250 2.1.0 ", "503 5.5.1 ", "503 5.5.1 "},
            {"503 5.5.1 ", "503 5.5.1 ", "250 2.1.5 ", "250 2.1.5 "},
            {"503 5.5.1 ", "503 5.5.1 ", "503 5.5.1 ", "354 "},
            {"503 5.5.1 ", "503 5.5.1 ", "503 5.5.1 ", "250 2.0.0 "},
            {"250 2.0.0 ", "250 2.0.0 ", "250 2.0.0 ", "250 2.0.0 "},
            {"252 2.5.0 ", "252 2.5.0 ", "252 2.5.0 ", "252 2.5.0 "},
            {"252 2.5.0 ", "252 2.5.0 ", "252 2.5.0 ", "252 2.5.0 "},
            {"214 2.0.0 ", "214 2.0.0 ", "214 2.0.0 ", "214 2.0.0 "},
            {"250 2.0.0 ", "250 2.0.0 ", "250 2.0.0 ", "250 2.0.0 "},
            {"221 2.0.0 ", "221 2.0.0 ", "221 2.0.0 ", "221 2.0.0 "},
        };
        Stream.Builder<Arguments> cases = Stream.builder();
        for (int row = 0; row < commands.length; row++) {
            for (State state : State.values()) {
                cases.add(Arguments.of(state, commands[row], expected[row][state.ordinal()]));
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource
    void everyCommandInEveryState(State state, String command, String expectedReply) {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = state.enter(server)) {
            smtp.send(command).expect(expectedReply);
        }
    }

    @ParameterizedTest
    @EnumSource(State.class)
    void rsetWorksInEveryStateAndLeavesNoTransaction(State state) {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = state.enter(server)) {
            smtp.send("RSET").expect("250 2.0.0 ");
            smtp.send("RCPT TO:<b@example.com>").expect("503 5.5.1 ");
            // RSET does not stand in for EHLO (RFC 5321 §4.1.1.5): MAIL needs a greeting still.
            smtp.send("MAIL FROM:<a@example.com>").expect(state == State.GREETED ? "503 5.5.1 " : "250 2.1.0 ");
        }
    }

    @ParameterizedTest
    @EnumSource(State.class)
    void quitWorksInEveryStateAndClosesWithoutDelivering(State state) {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = state.enter(server)) {
            smtp.send("QUIT").expect("221 2.0.0 ");
            smtp.expectClosed();
            assertThat(server.mailbox().messages()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = State.class, names = {"AFTER_MAIL", "AFTER_RCPT"})
    void ehloOrHeloMidTransactionResetsIt(State state) {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = state.enter(server)) {
            smtp.send("EHLO again.test").expect("250 ");
            smtp.send("RCPT TO:<b@example.com>").expect("503 5.5.1 ");
            smtp.send("DATA").expect("503 5.5.1 ");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0 ");
            smtp.send("HELO third.test").expect("250 ");
            smtp.send("RCPT TO:<b@example.com>").expect("503 5.5.1 ");
        }
    }

    @Test
    void nestedMailIs503AndKeepsTheFirstTransaction() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = DialogueSteps.inTransaction(server)) {
            smtp.send("MAIL FROM:<second@example.com>").expect("503 5.5.1 ");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5 ");
            ReceivedMail mail = sendData(server, smtp);
            assertThat(mail.envelope().mailFrom()).isEqualTo("sender@example.com");
        }
    }

    @Test
    void commandsThatChangeNothingKeepTheTransaction() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = DialogueSteps.inTransaction(server)) {
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5 ");
            smtp.send("NOOP").expect("250 2.0.0 ");
            smtp.send("NOOP with an ignored argument").expect("250 2.0.0 "); // RFC 5321 §4.1.1.9
            smtp.send("VRFY b@example.com").expect("252 2.5.0 ");
            smtp.send("EXPN list").expect("252 2.5.0 ");
            smtp.send("HELP").expect("214 ");
            smtp.send("BOGUS").expect("500 5.5.2 ");
            smtp.send("MAIL FROM:<nested@example.com>").expect("503 5.5.1 ");
            smtp.send("RSET extra").expect("501 5.5.4 ");
            ReceivedMail mail = sendData(server, smtp);
            assertThat(mail.envelope().mailFrom()).isEqualTo("sender@example.com");
            assertThat(mail.envelope().recipients()).containsExactly("b@example.com");
        }
    }

    @Test
    void dataAfterOnlyRefusedRecipientsIs554() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = DialogueSteps.inTransaction(server)) {
            smtp.send("RCPT TO:<not an address>").expect("501 ");
            smtp.send("RCPT TO:<b@example.com> FOO=1").expect("555 5.5.4 ");
            // RFC 5321 §3.3: all RCPTs refused, so "no valid recipients".
            smtp.send("DATA").expect("554 5.5.1 ");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5 ");
            assertThat(sendData(server, smtp).envelope().recipients()).containsExactly("b@example.com");
        }
    }

    @Test
    void dataWithoutAnyRcptIs503() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = DialogueSteps.inTransaction(server)) {
            smtp.send("DATA").expect("503 5.5.1 ");
        }
    }

    @Test
    void unknownVerbIs500AndLeavesTheStateAlone() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("BOGUS").expect("500 5.5.2 ");
            smtp.send("MAILFROM:<a@example.com>").expect("500 5.5.2 ");
            smtp.send("STARTTLSX now").expect("500 5.5.2 ");
            smtp.send("").expect("500 5.5.2 ");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0 ");
        }
    }

    @Test
    void dispatchIsCaseInsensitive() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            smtp.send("ehlo client.test").expect("250 ");
            smtp.send("mail from:<a@b.example>").expect("250 2.1.0 ");
            smtp.send("Rcpt To:<c@d.example>").expect("250 2.1.5 ");
            smtp.send("noop").expect("250 2.0.0 ");
            smtp.send("data").expect("354 ");
            smtp.sendRaw("Subject: x\r\n\r\nbody\r\n.\r\n").expect("250 2.0.0 ");
            smtp.send("Quit").expect("221 2.0.0 ");
            ReceivedMail mail = server.mailbox().awaitMessages(1, DialogueSteps.WAIT).get(0);
            assertThat(mail.envelope().mailFrom()).isEqualTo("a@b.example");
            assertThat(mail.envelope().recipients()).containsExactly("c@d.example");
        }
    }

    @Test
    void rsetOrQuitWithAnArgumentIs501() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = DialogueSteps.inTransaction(server)) {
            smtp.send("RSET now").expect("501 5.5.4 ");
            smtp.send("QUIT now").expect("501 5.5.4 ");
            // Neither took effect: the transaction is open and the connection too.
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5 ");
        }
    }

    @Test
    void dataWithAnArgumentIs501() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = DialogueSteps.inTransaction(server)) {
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5 ");
            smtp.send("DATA now").expect("501 5.5.4 ");
            assertThat(sendData(server, smtp).envelope().recipients()).containsExactly("b@example.com");
        }
    }

    @Test
    void aSecondTransactionInTheSameSessionStartsClean() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = DialogueSteps.inTransaction(server)) {
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5 ");
            sendData(server, smtp);
            // After the end of data the session is back to READY (RFC 5321 §4.1.1.4).
            smtp.send("RCPT TO:<c@example.com>").expect("503 5.5.1 ");
            smtp.send("MAIL FROM:<second@example.com>").expect("250 2.1.0 ");
            smtp.send("RCPT TO:<c@example.com>").expect("250 2.1.5 ");
            ReceivedMail second = sendData(server, smtp);
            assertThat(second.envelope().recipients()).containsExactly("c@example.com");
            assertThat(second.envelope().transactionIndex()).isEqualTo(2);
            List<ReceivedMail> all = server.mailbox().messages();
            assertThat(all).extracting(mail -> mail.envelope().mailFrom())
                    .containsExactly("sender@example.com", "second@example.com");
        }
    }

    @Test
    void pipelinedCommandsAreAnsweredInOrder() {
        // RFC 2920 §3.1: one reply per command, in the order the commands were sent.
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.sendRaw("MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nRCPT TO:<bad>\r\n"
                    + "RCPT TO:<c@example.com>\r\nDATA\r\n");
            smtp.expect("250 2.1.0 ");
            smtp.expect("250 2.1.5 ");
            smtp.expect("501 5.1.3 ");
            smtp.expect("250 2.1.5 ");
            smtp.expect("354 ");
            smtp.sendRaw("Subject: x\r\n\r\nbody\r\n.\r\n").expect("250 2.0.0 ");
            ReceivedMail mail = server.mailbox().awaitMessages(1, DialogueSteps.WAIT).get(0);
            assertThat(mail.envelope().recipients()).containsExactly("b@example.com", "c@example.com");
        }
    }
}
