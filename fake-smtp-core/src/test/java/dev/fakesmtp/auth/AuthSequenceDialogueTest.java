package dev.fakesmtp.auth;

import static dev.fakesmtp.auth.Sasl.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.AuthMechanism;
import dev.fakesmtp.Extension;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Violation;
import dev.fakesmtp.support.SmtpDialogue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** When AUTH is allowed (RFC 4954 §4), which mechanisms are offered, and the syntax replies. */
@Timeout(20)
class AuthSequenceDialogueTest {

    private static List<String> authLines(List<String> ehlo) {
        return ehlo.stream().filter(line -> line.matches("250[- ]AUTH( .*)?")).toList();
    }

    @Test
    void authTwiceGets503() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("AUTH PLAIN " + plain("alice", "pw")).expect("235 2.7.0 ");
            smtp.send("AUTH PLAIN " + plain("bob", "pw")).expect("503 5.5.1 ");
            smtp.send("AUTH LOGIN").expect("503 5.5.1 ");
            assertThat(server.sessions().get(0).authentication().orElseThrow().user()).isEqualTo("alice");
        }
    }

    @Test
    void authInsideATransactionGets503() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
            smtp.send("AUTH PLAIN " + plain("alice", "pw")).expect("503 5.5.1 ");
            smtp.send("RCPT TO:<b@example.com>").expect("250 ");
            smtp.send("AUTH LOGIN").expect("503 5.5.1 ");
            smtp.send("RSET").expect("250 ");
            smtp.send("AUTH PLAIN " + plain("alice", "pw")).expect("235 2.7.0 ");
            assertThat(server.sessions().get(0).violations()).extracting(Violation::type)
                    .containsExactly(Violation.Type.COMMAND_OUT_OF_SEQUENCE, Violation.Type.COMMAND_OUT_OF_SEQUENCE);
        }
    }

    @Test
    void authBeforeEhloGets503() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            smtp.send("AUTH PLAIN " + plain("alice", "pw")).expect("503 5.5.1 ");
            assertThat(server.sessions().get(0).authentication()).isEmpty();
        }
    }

    @Test
    void anUnknownMechanismGets504() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            // The word is not echoed: a client that left the mechanism out sent its secret there.
            assertThat(smtp.send("AUTH GSSAPI").expect("504 ")).containsExactly(
                    "504 5.5.4 Unrecognized authentication type; this server offers PLAIN LOGIN CRAM-MD5 XOAUTH2");
            smtp.send("AUTH DIGEST-MD5").expect("504 5.5.4 ");
        }
    }

    @Test
    void authWithoutAMechanismOrWithTooManyWordsGets501() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("AUTH").expect("501 5.5.4 ");
            smtp.send("AUTH PLAIN abc def").expect("501 5.5.4 ");
        }
    }

    @Test
    void allMechanismsAreOfferedByDefault() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            assertThat(authLines(smtp.send("EHLO client.test").expect("250 ")))
                    .singleElement().satisfies(line -> assertThat(line).endsWith("AUTH PLAIN LOGIN CRAM-MD5 XOAUTH2"));
        }
    }

    @Test
    void aMechanismSwitchedOffIsNeitherAdvertisedNorAccepted() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().authMechanisms(AuthMechanism.XOAUTH2, AuthMechanism.PLAIN)
                .build().start(); SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            assertThat(authLines(smtp.send("EHLO client.test").expect("250 ")))
                    .singleElement().satisfies(line -> assertThat(line).endsWith("AUTH PLAIN XOAUTH2"));
            smtp.send("AUTH LOGIN").expect("504 5.5.4 ");
            smtp.send("AUTH CRAM-MD5").expect("504 5.5.4 ");
            smtp.send("AUTH PLAIN " + plain("alice", "pw")).expect("235 2.7.0 ");
        }
    }

    @Test
    void hiddenAuthIsNotAdvertisedAndGets502() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().hide(Extension.AUTH).build().start();
             SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            assertThat(smtp.send("EHLO client.test").expect("250 ")).noneMatch(line -> line.contains("AUTH"));
            smtp.send("AUTH PLAIN " + plain("alice", "pw")).expect("502 5.5.1 ");
            smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
            assertThat(server.sessions().get(0).authentication()).isEmpty();
        }
    }

    @Test
    void hiddenAuthAlsoRejectsTheMailAuthParameter() {
        // Builder.hide(..): "Hides ESMTP extensions from the EHLO reply and rejects their parameters",
        // as it does for SIZE, BODY, SMTPUTF8, RET and ENVID (RFC 5321 §4.1.1.11: 555 for an unsupported parameter).
        try (FakeSmtpServer server = FakeSmtpServer.builder().hide(Extension.AUTH).build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com> AUTH=<>").expect("555 5.5.4 ");
            smtp.send("MAIL FROM:<a@example.com> AUTH=a@example.com").expect("555 5.5.4 ");
        }
    }

    @Test
    void builderRefusesContradictoryAuthSettings() {
        assertThatThrownBy(() -> FakeSmtpServer.builder().authMechanisms())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hide(Extension.AUTH)");
        assertThatThrownBy(() -> FakeSmtpServer.builder().hide(Extension.AUTH).requireAuth().build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> FakeSmtpServer.builder().authOnlyAfterTls().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("startTls()");
    }
}
