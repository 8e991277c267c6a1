package dev.fakesmtp.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.Rule;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.TranscriptLine;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.support.SmtpDialogue;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code afterCapture()}: the message is in the mailbox before the rule's effect, so the client
 * sees a failure for a message the server has: the "did it arrive?" case.
 */
@Timeout(20)
class AfterCaptureTest {

    @Test
    void aResetAfterCaptureLeavesTheMessageInTheMailbox() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            Rule rule = server.on(Trigger.endOfData()).afterCapture().resetConnection();
            smtp.envelope("a@example.com", "b@example.com");
            smtp.data("did it arrive");

            assertThatThrownBy(() -> smtp.readByte()).isInstanceOf(SocketException.class);
            assertThat(server.mailbox().awaitMessages(1, RuleSteps.WAIT)).extracting(ReceivedMail::subject)
                    .containsExactly("did it arrive");
            assertThat(rule.description()).endsWith("capture the message, then reset the connection");
            assertThat(RuleSteps.endedSession(server, SessionEnd.CLOSED_BY_RULE).transcript())
                    .filteredOn(line -> line.causedBy().isPresent()).extracting(TranscriptLine::text)
                    .first().asString().startsWith("(message captured as ");
        }
    }

    @Test
    void anErrorReplyAfterCaptureStillCapturesAndTheSessionGoesOn() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.on(Trigger.endOfData()).once().afterCapture().reply(451, "4.3.0 Try again later");
            smtp.envelope("a@example.com", "b@example.com");
            smtp.data("first").expect("451 4.3.0 Try again later");
            smtp.envelope("a@example.com", "b@example.com");
            smtp.data("second").expect("250 2.0.0 ");

            assertThat(server.mailbox().messages()).extracting(ReceivedMail::subject).containsExactly("first", "second");
        }
    }

    @Test
    void aDelayAfterCaptureAnswers250OnceAndCapturesOnce() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.on(Trigger.endOfData()).afterCapture().delay(Duration.ofMillis(50));
            smtp.envelope("a@example.com", "b@example.com");
            smtp.data("slow").expect("250 2.0.0 OK: queued as ");

            assertThat(server.mailbox().messages()).hasSize(1);
            assertThat(server.sessions().get(0).messageCount()).isEqualTo(1);
        }
    }

    @Test
    void worksForBdatLastToo() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.on(Trigger.endOfData()).afterCapture().disconnect();
            smtp.envelope("a@example.com", "b@example.com");
            byte[] message = "Subject: chunked\r\n\r\nHello.\r\n".getBytes(StandardCharsets.US_ASCII);
            smtp.send("BDAT " + message.length + " LAST").sendRaw(message);

            smtp.expectEof();
            assertThat(server.mailbox().awaitMessages(1, RuleSteps.WAIT)).extracting(ReceivedMail::subject)
                    .containsExactly("chunked");
        }
    }

    @Test
    void onlyEndOfDataRulesCaptureFirstAndABlackHoleCannot() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build()) {
            assertThatThrownBy(() -> server.on(Trigger.rcptTo()).afterCapture())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("end-of-data trigger");
            assertThatThrownBy(() -> server.on(Trigger.endOfData()).afterCapture().blackHole())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("captures nothing");
            assertThat(server.rules()).isEmpty();
        }
    }
}
