package dev.fakesmtp.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.SmtpDialogue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Transcripts end up in failure messages and CI logs: they never show what a client authenticated with. */
@Timeout(10)
class CredentialsInTranscriptTest {

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void plainInitialResponseIsHiddenButTheMechanismShows() {
        String response = base64("\0alice\0s3cret");
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send("AUTH PLAIN " + response).expect("235 2.7.0");
                smtp.send("QUIT").expect("221 ");
            }
            server.sessions().get(0).awaitEnd(Duration.ofSeconds(5));
            assertThat(server.sessions().get(0).transcriptText())
                    .contains("C: AUTH PLAIN <credentials hidden, " + response.length() + " octets>")
                    .doesNotContain(response);
            assertThat(server.sessions().get(0).authentication()).hasValueSatisfying(
                    auth -> assertThat(auth.user()).isEqualTo("alice"));
        }
    }

    @Test
    void loginResponsesAreHiddenAndACancelStaysVisible() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send("AUTH LOGIN").expect("334 VXNlcm5hbWU6");
                smtp.send("*").expect("501 ");
                smtp.send("AUTH LOGIN").expect("334 VXNlcm5hbWU6");
                smtp.send(base64("alice")).expect("334 UGFzc3dvcmQ6");
                smtp.send(base64("s3cret")).expect("235 ");
            }
            String transcript = server.sessions().get(0).transcriptText();
            assertThat(transcript).contains("C: *")
                    .contains("C: <credentials hidden, " + base64("alice").length() + " octets>")
                    .doesNotContain(base64("alice")).doesNotContain(base64("s3cret"));
        }
    }
}
