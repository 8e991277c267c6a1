package dev.fakesmtp.auth;

import static dev.fakesmtp.auth.Sasl.base64;
import static dev.fakesmtp.auth.Sasl.challengeOf;
import static dev.fakesmtp.auth.Sasl.cramMd5;
import static dev.fakesmtp.auth.Sasl.xoauth2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.AuthMechanism;
import dev.fakesmtp.Authentication;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Violation;
import dev.fakesmtp.support.SmtpDialogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** AUTH CRAM-MD5 (RFC 2195) and XOAUTH2 (Google's and Microsoft's bearer-token mechanism), raw. */
@Timeout(20)
class AuthCramMd5Xoauth2DialogueTest {

    private static final String SUCCESS = "235 2.7.0 Authentication successful";

    private static FakeSmtpServer server() {
        return FakeSmtpServer.builder().hostname("mail.test").credentials("bob", "pw")
                .oauthToken("carol@example.com", "ya29.token").build().start();
    }

    private static Authentication authenticationOf(FakeSmtpServer server) {
        return server.sessions().get(0).authentication().orElseThrow();
    }

    @Test
    void cramMd5AnswersAFreshChallengeWithAnHmac() {
        try (FakeSmtpServer server = server(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            String challenge = Sasl.decode(challengeOf(smtp.send("AUTH CRAM-MD5").readReply()));
            assertThat(challenge).matches("<[0-9]+\\.[0-9]+@mail\\.test>");
            smtp.send(cramMd5("bob", "pw", challenge)).expect(SUCCESS);

            Authentication authentication = authenticationOf(server);
            assertThat(authentication.user()).isEqualTo("bob");
            assertThat(authentication.mechanism()).isEqualTo(AuthMechanism.CRAM_MD5);
            assertThat(authentication.secretIfSent()).as("the password never crosses the wire").isEmpty();
        }
    }

    @Test
    void cramMd5WithTheWrongPasswordOrAStaleChallengeGets535() {
        try (FakeSmtpServer server = server(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            String first = Sasl.decode(challengeOf(smtp.send("AUTH CRAM-MD5").readReply()));
            smtp.send(cramMd5("bob", "wrong", first)).expect("535 5.7.8 ");
            String second = Sasl.decode(challengeOf(smtp.send("AUTH CRAM-MD5").readReply()));
            assertThat(second).as("each exchange has its own challenge").isNotEqualTo(first);
            smtp.send(cramMd5("bob", "pw", first)).expect("535 5.7.8 ");
            assertThat(server.sessions().get(0).authentication()).isEmpty();
        }
    }

    @Test
    void cramMd5MalformedAnswersAndInitialResponsesGet501() {
        try (FakeSmtpServer server = server(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("AUTH CRAM-MD5").expect("334 ");
            smtp.send(base64("bob not-a-digest")).expect("501 5.5.2 ");
            smtp.send("AUTH CRAM-MD5").expect("334 ");
            smtp.send(base64("0123456789abcdef0123456789abcdef")).expect("501 5.5.2 "); // no user
            smtp.send("AUTH CRAM-MD5").expect("334 ");
            smtp.send(base64(" 0123456789abcdef0123456789abcdef")).expect("501 5.5.2 "); // an empty user
            smtp.send("AUTH CRAM-MD5").expect("334 ");
            smtp.send(base64("bob 0123456789abcdef0123456789abcde")).expect("501 5.5.2 "); // 31 hex digits
            smtp.send("AUTH CRAM-MD5 " + base64("bob 0123456789abcdef0123456789abcdef")).expect("501 5.5.2 ");
            smtp.send("AUTH CRAM-MD5").expect("334 ");
            smtp.send("*").expect("501 ");
        }
    }

    @Test
    void cramMd5AcceptsAnyWellFormedAnswerByDefault() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            String challenge = Sasl.decode(challengeOf(smtp.send("AUTH CRAM-MD5").readReply()));
            assertThat(challenge).endsWith("@localhost>");
            smtp.send(cramMd5("anyone", "anything", challenge)).expect(SUCCESS);
            assertThat(authenticationOf(server).user()).isEqualTo("anyone");
        }
    }

    @Test
    void xoauth2WithInitialResponse() {
        try (FakeSmtpServer server = server(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("AUTH XOAUTH2 " + xoauth2("carol@example.com", "ya29.token")).expect(SUCCESS);
            assertThat(authenticationOf(server))
                    .isEqualTo(new Authentication("carol@example.com", AuthMechanism.XOAUTH2, "ya29.token"));
        }
    }

    @Test
    void xoauth2WithoutInitialResponseGetsAnEmptyChallenge() {
        try (FakeSmtpServer server = server(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            assertThat(smtp.send("AUTH XOAUTH2").readReply()).containsExactly("334 ");
            smtp.send(xoauth2("carol@example.com", "ya29.token")).expect(SUCCESS);
        }
    }

    @Test
    void xoauth2FailureSendsAJsonChallengeThenWaitsForAnEmptyLineThen535() {
        try (FakeSmtpServer server = server(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            String error = challengeOf(smtp.send("AUTH XOAUTH2 " + xoauth2("carol@example.com", "expired")).readReply());
            assertThat(Sasl.decode(error)).isEqualTo("{\"status\":\"401\",\"schemes\":\"bearer\"}");
            assertThat(smtp.send("").readReply()).containsExactly("535 5.7.8 Authentication credentials invalid");
            assertThat(server.sessions().get(0).authentication()).isEmpty();
            smtp.send("AUTH XOAUTH2 " + xoauth2("carol@example.com", "ya29.token")).expect(SUCCESS);
        }
    }

    @Test
    void aPasswordIsNotATokenAndATokenIsNotAPassword() {
        try (FakeSmtpServer server = server(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("AUTH XOAUTH2 " + xoauth2("bob", "pw")).expect("334 ");
            smtp.send("").expect("535 5.7.8 ");
            smtp.send("AUTH PLAIN " + Sasl.plain("carol@example.com", "ya29.token")).expect("535 5.7.8 ");
        }
    }

    @Test
    void xoauth2WithoutUserOrBearerIsMalformed() {
        try (FakeSmtpServer server = server(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("AUTH XOAUTH2 " + base64("user=carol@example.com\u0001\u0001")).expect("501 5.5.2 ");
            smtp.send("AUTH XOAUTH2 " + base64("auth=Bearer ya29.token\u0001\u0001")).expect("501 5.5.2 ");
        }
    }

    @Test
    void aLongXoauth2TokenFitsInTheAuthLineBeyondThe512OctetCommandLimit() {
        String token = "t".repeat(3_000);
        try (FakeSmtpServer server = FakeSmtpServer.builder().oauthToken("carol@example.com", token).build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            String line = "AUTH XOAUTH2 " + xoauth2("carol@example.com", token);
            assertThat(line.length()).isGreaterThan(4_000);
            smtp.send(line).expect(SUCCESS);
            assertThat(authenticationOf(server).secretIfSent()).hasValueSatisfying(s -> assertThat(s).hasSize(3_000));
            assertThat(server.sessions().get(0).violations()).extracting(Violation::type)
                    .doesNotContain(Violation.Type.COMMAND_LINE_TOO_LONG);
        }
    }

    @Test
    void anAuthLineLongerThanTheRfc4954LimitGets500() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            // RFC 4954 §4: up to 12,288 octets; beyond that 500 5.5.6.
            smtp.send("AUTH XOAUTH2 " + xoauth2("carol@example.com", "t".repeat(12_000))).expect("500 5.5.6 ");
            smtp.send("AUTH XOAUTH2").expect("334 ");
            smtp.send(xoauth2("carol@example.com", "t".repeat(12_000))).expect("500 5.5.6 ");
            assertThat(server.sessions().get(0).authentication()).isEmpty();
            smtp.send("NOOP").expect("250 ");
        }
    }
}
