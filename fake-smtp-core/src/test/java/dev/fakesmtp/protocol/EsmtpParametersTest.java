package dev.fakesmtp.protocol;

import static dev.fakesmtp.protocol.DialogueSteps.inTransaction;
import static dev.fakesmtp.protocol.DialogueSteps.sendData;
import static dev.fakesmtp.protocol.DialogueSteps.startServer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.Recipient;
import dev.fakesmtp.support.SmtpDialogue;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ESMTP parameters of MAIL and RCPT: SIZE (RFC 1870), BODY (RFC 6152, 3030), SMTPUTF8 (RFC 6531),
 * RET, ENVID, NOTIFY, ORCPT (RFC 3461) and AUTH (RFC 4954): valid values reach the envelope, bad
 * values are 501 5.5.4, unknown parameters 555 5.5.4 (RFC 5321 §4.1.1.11).
 */
@Timeout(10)
class EsmtpParametersTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "SIZE=0", "SIZE=1000", "BODY=7BIT", "BODY=8BITMIME", "BODY=8bitmime", "BODY=BINARYMIME", "SMTPUTF8",
        "RET=FULL", "RET=HDRS", "RET=hdrs", "ENVID=QQ314159", "ENVID=a+2Bb+3Dc", "AUTH=<>",
        "AUTH=sender@example.com", "size=10 body=8BITMIME smtputf8 ret=FULL envid=x auth=<>",
    })
    void validMailParametersAreAccepted(String parameters) {
        try (FakeSmtpServer server = FakeSmtpServer.builder().maxMessageSize(1000).build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com> " + parameters).expect("250 2.1.0 ");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SIZE=abc", "SIZE=-1", "SIZE=+5", "SIZE=1.5", "SIZE=", "SIZE",
        "BODY=9BIT", "BODY=", "BODY",
        "SMTPUTF8=yes",
        "RET=ALL", "RET=", "RET",
        "ENVID=", "ENVID=a+2bc", "ENVID=a+", "ENVID=a=b",
        "AUTH=", "AUTH=a+zz",
        "=value", "-X=1",
    })
    void badMailParameterValuesAre501(String parameter) {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com> " + parameter).expect("501 5.5.4 ");
        }
    }

    @Test
    void envidLongerThan100CharactersIs501() {
        // RFC 3461 §4.4: ENVID is at most 100 characters.
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com> ENVID=" + "x".repeat(101)).expect("501 5.5.4 ");
            smtp.send("MAIL FROM:<a@example.com> ENVID=" + "x".repeat(100)).expect("250 2.1.0 ");
        }
    }

    @Test
    void sizeOverTheLimitIs552AndAtTheLimitIsAccepted() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().maxMessageSize(1000).build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            // RFC 1870 §6.1: a declared size over the fixed maximum is a permanent 552.
            smtp.send("MAIL FROM:<a@example.com> SIZE=1001").expect("552 5.3.4 ");
            smtp.send("MAIL FROM:<a@example.com> SIZE=999999999999999999").expect("552 5.3.4 ");
            smtp.send("MAIL FROM:<a@example.com> SIZE=1000").expect("250 2.1.0 ");
        }
    }

    /** RFC 1870 §3: size-value is 1*20DIGIT, so 19 and 20 digits are a well-formed size, just too large. */
    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "99999999999999999999", "00000000000000001001"})
    void sizesOfUpTo20DigitsAreSizesNotSyntaxErrors(String size) {
        try (FakeSmtpServer server = FakeSmtpServer.builder().maxMessageSize(1000).build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com> SIZE=" + size).expect("552 5.3.4 ");
            smtp.send("MAIL FROM:<a@example.com> SIZE=" + "9".repeat(21)).expect("501 5.5.4 ");
            smtp.send("MAIL FROM:<a@example.com> SIZE=00000000000000001000").expect("250 2.1.0 ");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"FOO=bar", "XFORWARD", "X-CUSTOM=1", "NOTIFY=NEVER", "ORCPT=rfc822;a@example.com"})
    void unknownMailParameterIs555(String parameter) {
        // NOTIFY and ORCPT belong to RCPT, not MAIL (RFC 3461 §4).
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com> " + parameter).expect("555 5.5.4 ");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"FOO=bar", "SIZE=10", "RET=FULL", "SMTPUTF8", "BODY=8BITMIME"})
    void unknownRcptParameterIs555(String parameter) {
        // SIZE, RET, SMTPUTF8 and BODY belong to MAIL, not RCPT.
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = inTransaction(server)) {
            smtp.send("RCPT TO:<b@example.com> " + parameter).expect("555 5.5.4 ");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SIZE=10 SIZE=20", "SIZE=10 size=10", "RET=FULL RET=HDRS", "SMTPUTF8 SMTPUTF8"})
    void duplicateMailParameterIs501(String parameters) {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com> " + parameters).expect("501 5.5.4 ");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "NOTIFY=NEVER", "NOTIFY=SUCCESS", "NOTIFY=FAILURE,DELAY", "NOTIFY=SUCCESS,FAILURE,DELAY", "NOTIFY=never",
        "ORCPT=rfc822;bob@example.com", "ORCPT=rfc822;bob+2Bext@example.com", "ORCPT=utf-8;bob@example.com",
        "NOTIFY=DELAY ORCPT=rfc822;b@example.com",
    })
    void validRcptParametersAreAccepted(String parameters) {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = inTransaction(server)) {
            smtp.send("RCPT TO:<b@example.com> " + parameters).expect("250 2.1.5 ");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "NOTIFY=", "NOTIFY=ALWAYS", "NOTIFY=NEVER,SUCCESS", "NOTIFY=SUCCESS,SUCCESS", "NOTIFY=SUCCESS,",
        "ORCPT=", "ORCPT=bob@example.com", "ORCPT=rfc822;", "ORCPT=;bob@example.com", "ORCPT=rfc822;a+zz",
        "NOTIFY=NEVER NOTIFY=NEVER",
    })
    void badRcptParameterValuesAre501(String parameters) {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = inTransaction(server)) {
            smtp.send("RCPT TO:<b@example.com> " + parameters).expect("501 5.5.4 ");
            // Refused, so it did not count: DATA has no valid recipient yet.
            smtp.send("DATA").expect("554 5.5.1 ");
        }
    }

    @Test
    void acceptedParametersArriveOnTheEnvelope() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com> SIZE=200 body=8BITMIME RET=HDRS ENVID=QQ314159 AUTH=<>")
                    .expect("250 2.1.0 ");
            smtp.send("RCPT TO:<b@example.com> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;b@example.com")
                    .expect("250 2.1.5 ");
            smtp.send("RCPT TO:<c@example.com>").expect("250 2.1.5 ");
            ReceivedMail mail = sendData(server, smtp);
            assertThat(mail.envelope().mailParameters()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "SIZE", "200", "BODY", "8BITMIME", "RET", "HDRS", "ENVID", "QQ314159", "AUTH", "<>"));
            assertThat(mail.envelope().mailParameter("body")).contains("8BITMIME");
            assertThat(mail.envelope().recipientDetails()).containsExactly(
                    new Recipient("b@example.com", Map.of("NOTIFY", "SUCCESS,FAILURE", "ORCPT", "rfc822;b@example.com")),
                    Recipient.of("c@example.com"));
        }
    }

    @Test
    void keywordParameterHasAnEmptyValueOnTheEnvelope() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com> SMTPUTF8").expect("250 2.1.0 ");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5 ");
            ReceivedMail mail = sendData(server, smtp);
            assertThat(mail.envelope().mailParameter("SMTPUTF8")).contains("");
            assertThat(mail.envelope().mailParameter("SIZE")).isEmpty();
        }
    }

    @Test
    void refusedMailParametersOpenNoTransaction() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com> FOO=1").expect("555 5.5.4 ");
            smtp.send("RCPT TO:<b@example.com>").expect("503 5.5.1 ");
            smtp.send("MAIL FROM:<a@example.com> SIZE=x").expect("501 5.5.4 ");
            smtp.send("RCPT TO:<b@example.com>").expect("503 5.5.1 ");
            smtp.send("MAIL FROM:<a@example.com> SIZE=99999999999").expect("552 5.3.4 ");
            smtp.send("RCPT TO:<b@example.com>").expect("503 5.5.1 ");
        }
    }
}
