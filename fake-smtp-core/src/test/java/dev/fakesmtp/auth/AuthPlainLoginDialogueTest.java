package dev.fakesmtp.auth;

import static dev.fakesmtp.auth.Sasl.base64;
import static dev.fakesmtp.auth.Sasl.plain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.AuthMechanism;
import dev.fakesmtp.Authentication;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.SmtpDialogue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** AUTH PLAIN (RFC 4616) and LOGIN with a raw client (RFC 4954 §4). */
@Timeout(20)
class AuthPlainLoginDialogueTest {

    private static final String SUCCESS = "235 2.7.0 Authentication successful";

    private static FakeSmtpServer withAlice() {
        return FakeSmtpServer.builder().credentials("alice", "s3cret").build().start();
    }

    private static Authentication authenticationOf(FakeSmtpServer server) {
        return server.sessions().get(0).authentication().orElseThrow();
    }

    @Test
    void plainWithInitialResponse() {
        try (FakeSmtpServer server = withAlice(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            assertThat(smtp.send("AUTH PLAIN " + plain("alice", "s3cret")).expect("235 ")).containsExactly(SUCCESS);
            assertThat(authenticationOf(server)).isEqualTo(new Authentication("alice", AuthMechanism.PLAIN, "s3cret"));
        }
    }

    @Test
    void plainWithoutInitialResponseGetsAnEmptyChallenge() {
        try (FakeSmtpServer server = withAlice(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            assertThat(smtp.send("AUTH PLAIN").readReply()).containsExactly("334 ");
            smtp.send(plain("alice", "s3cret")).expect(SUCCESS);
            assertThat(authenticationOf(server).user()).isEqualTo("alice");
        }
    }

    @Test
    void plainWithAnAuthorizationIdentityAuthenticatesTheAuthenticationIdentity() {
        try (FakeSmtpServer server = withAlice(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("AUTH PLAIN " + plain("admin", "alice", "s3cret")).expect(SUCCESS);
            assertThat(authenticationOf(server).user()).isEqualTo("alice");
        }
    }

    @Test
    void plainWithTheEmptyInitialResponseIsMalformed() {
        try (FakeSmtpServer server = withAlice(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            // "=" is an empty initial response (RFC 4954 §4); an empty PLAIN message lacks the NULs.
            smtp.send("AUTH PLAIN =").expect("501 5.5.2 ");
            assertThat(server.sessions().get(0).authentication()).isEmpty();
            smtp.send("AUTH PLAIN " + plain("alice", "s3cret")).expect(SUCCESS);
        }
    }

    @Test
    void plainWithoutUserOrWithTooFewFieldsIsMalformed() {
        try (FakeSmtpServer server = withAlice(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("AUTH PLAIN " + plain("", "s3cret")).expect("501 5.5.2 ");
            smtp.send("AUTH PLAIN " + base64("alice\0s3cret")).expect("501 5.5.2 ");
        }
    }

    @Test
    void loginWithAnEmptyUsernameIsMalformedLikePlainWithAnEmptyUser() {
        // PLAIN refuses an empty authcid (RFC 4616 §2: authcid = 1*SAFE) with 501 5.5.2; LOGIN's username
        // is 1*CHAR too ([MS-XLOGIN] §2.2.2), so the accept-any policy must not record an empty user.
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("AUTH LOGIN").expect("334 VXNlcm5hbWU6");
            List<String> reply = smtp.send("").readReply();
            if (reply.equals(List.of("334 UGFzc3dvcmQ6"))) {
                reply = smtp.send(base64("pw")).readReply();
            }
            assertThat(reply).singleElement().satisfies(line -> assertThat(line).startsWith("501 5.5.2 "));
            assertThat(server.sessions().get(0).authentication()).isEmpty();
        }
    }

    @Test
    void loginAsksForUsernameThenPasswordInBase64() {
        try (FakeSmtpServer server = withAlice(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            assertThat(smtp.send("AUTH LOGIN").readReply()).containsExactly("334 VXNlcm5hbWU6");
            assertThat(Sasl.decode("VXNlcm5hbWU6")).isEqualTo("Username:");
            assertThat(smtp.send(base64("alice")).readReply()).containsExactly("334 UGFzc3dvcmQ6");
            assertThat(Sasl.decode("UGFzc3dvcmQ6")).isEqualTo("Password:");
            smtp.send(base64("s3cret")).expect(SUCCESS);
            assertThat(authenticationOf(server)).isEqualTo(new Authentication("alice", AuthMechanism.LOGIN, "s3cret"));
        }
    }

    @Test
    void loginWithTheUsernameAsInitialResponseAsksOnlyForThePassword() {
        try (FakeSmtpServer server = withAlice(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            assertThat(smtp.send("AUTH LOGIN " + base64("alice")).readReply()).containsExactly("334 UGFzc3dvcmQ6");
            smtp.send(base64("s3cret")).expect(SUCCESS);
            assertThat(authenticationOf(server).mechanism()).isEqualTo(AuthMechanism.LOGIN);
        }
    }

    @Test
    void aClientThatLeavesDuringTheExchangeEndsTheSessionAsADisconnect() {
        try (FakeSmtpServer server = withAlice(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("AUTH LOGIN").expect("334 VXNlcm5hbWU6");
            smtp.cutAndAwaitServerClose();
            assertThat(server.sessions().get(0).awaitEnd(java.time.Duration.ofSeconds(5)))
                    .isEqualTo(dev.fakesmtp.SessionEnd.CLIENT_DISCONNECTED);
            assertThat(server.sessions().get(0).authentication()).isEmpty();
        }
    }

    @Test
    void anEqualsSignIsTheEmptyResponseNotBadBase64() {
        // RFC 4954 §4: "=" is an empty initial response; as an answer to "Password:" an empty password.
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("AUTH LOGIN =").expect("501 5.5.2 Malformed LOGIN response: the user name is empty");
            smtp.send("AUTH LOGIN " + base64("alice")).expect("334 UGFzc3dvcmQ6");
            smtp.send("=").expect(SUCCESS);
            assertThat(authenticationOf(server)).isEqualTo(new Authentication("alice", AuthMechanism.LOGIN, ""));
        }
    }

    @Test
    void aStarCancelsTheExchangeWith501AndAuthCanBeTriedAgain() {
        try (FakeSmtpServer server = withAlice(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("AUTH LOGIN").expect("334 ");
            smtp.send(base64("alice")).expect("334 ");
            // Told apart from a response that is not base64 ("*" is not): 501 5.5.2 Invalid base64 data.
            smtp.send("*").expect("501 5.0.0 Authentication cancelled");
            smtp.send("AUTH PLAIN").expect("334 ");
            smtp.send("*").expect("501 5.0.0 Authentication cancelled");
            assertThat(server.sessions().get(0).authentication()).isEmpty();
            smtp.send("AUTH PLAIN " + plain("alice", "s3cret")).expect(SUCCESS);
        }
    }

    @Test
    void badBase64Gets501WithEnhancedCode552() {
        try (FakeSmtpServer server = withAlice(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("AUTH PLAIN not*base64!").expect("501 5.5.2 ");
            smtp.send("AUTH PLAIN").expect("334 ");
            smtp.send("%%%").expect("501 5.5.2 ");
            smtp.send("AUTH LOGIN").expect("334 ");
            smtp.send("@@@@").expect("501 5.5.2 ");
            smtp.send("AUTH LOGIN " + base64("alice")).expect("334 ");
            smtp.send("????").expect("501 5.5.2 ");
            assertThat(server.sessions().get(0).authentication()).isEmpty();
            smtp.send("NOOP").expect("250 ");
        }
    }

    @Test
    void wrongPasswordOrUnknownUserGets535() {
        try (FakeSmtpServer server = withAlice(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            assertThat(smtp.send("AUTH PLAIN " + plain("alice", "wrong")).expect("535 "))
                    .containsExactly("535 5.7.8 Authentication credentials invalid");
            smtp.send("AUTH PLAIN " + plain("mallory", "s3cret")).expect("535 5.7.8 ");
            smtp.send("AUTH LOGIN").expect("334 ");
            smtp.send(base64("alice")).expect("334 ");
            smtp.send(base64("S3CRET")).expect("535 5.7.8 ");
            assertThat(server.sessions().get(0).authentication()).isEmpty();
            smtp.send("AUTH LOGIN " + base64("alice")).expect("334 ");
            smtp.send(base64("s3cret")).expect(SUCCESS);
        }
    }

    @Test
    void theMechanismNameIsCaseInsensitive() {
        try (FakeSmtpServer server = withAlice(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("auth plain " + plain("alice", "s3cret")).expect(SUCCESS);
        }
    }

    @Test
    void byDefaultAnyCredentialsPassAndAreRecorded() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("AUTH LOGIN").expect("334 ");
            smtp.send(base64("app@example.com")).expect("334 ");
            smtp.send(base64("whatever-the-app-has")).expect(SUCCESS);

            Authentication authentication = authenticationOf(server);
            assertThat(authentication.user()).isEqualTo("app@example.com");
            assertThat(authentication.secretIfSent()).contains("whatever-the-app-has");
            assertThat(authentication.toString()).isEqualTo("app@example.com via LOGIN")
                    .doesNotContain("whatever-the-app-has");
        }
    }
}
