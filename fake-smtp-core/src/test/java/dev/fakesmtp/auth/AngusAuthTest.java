package dev.fakesmtp.auth;

import static dev.fakesmtp.support.AngusMail.withTimeouts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.AuthMechanism;
import dev.fakesmtp.Authentication;
import dev.fakesmtp.Envelope;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.support.AngusMail;
import dev.fakesmtp.support.Eventually;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every mechanism end to end with Angus Mail, over STARTTLS with verification, as production clients do. */
@Timeout(20)
class AngusAuthTest {

    private static final String USER = "alice@example.com";
    private static final String PASSWORD = "s3cret";
    private static final String TOKEN = "ya29.a0-token";

    private static FakeSmtpServer checkingServer() {
        return FakeSmtpServer.builder().requireTls().requireAuth().credentials(USER, PASSWORD)
                .oauthToken(USER, TOKEN).build().start();
    }

    /** Angus properties that authenticate with exactly {@code mechanism}. */
    private static Properties authWith(FakeSmtpServer server, AuthMechanism mechanism) {
        Properties properties = withTimeouts(server.mailProperties());
        properties.setProperty("mail.smtp.auth", "true");
        if (mechanism == AuthMechanism.CRAM_MD5) {
            // Angus has no built-in CRAM-MD5; its SASL path (the JDK's SASL client) has one.
            properties.setProperty("mail.smtp.sasl.enable", "true");
            properties.setProperty("mail.smtp.sasl.mechanisms", "CRAM-MD5");
        } else {
            properties.setProperty("mail.smtp.auth.mechanisms", mechanism.keyword());
        }
        if (mechanism == AuthMechanism.XOAUTH2) {
            properties.setProperty("mail.smtp.auth.xoauth2.disable", "false");
        }
        return properties;
    }

    private static String secretFor(AuthMechanism mechanism) {
        return mechanism == AuthMechanism.XOAUTH2 ? TOKEN : PASSWORD;
    }

    @ParameterizedTest
    @EnumSource(AuthMechanism.class)
    void angusAuthenticatesWithEveryMechanism(AuthMechanism mechanism) throws Exception {
        try (FakeSmtpServer server = checkingServer()) {
            AngusMail.send(authWith(server, mechanism), USER, secretFor(mechanism), "auth " + mechanism);

            Envelope envelope = AngusMail.awaitOne(server).envelope();
            Authentication authentication = envelope.authentication().orElseThrow();
            assertThat(authentication.user()).isEqualTo(USER);
            assertThat(authentication.mechanism()).isEqualTo(mechanism);
            if (mechanism == AuthMechanism.CRAM_MD5) {
                assertThat(authentication.secretIfSent()).isEmpty();
            } else {
                assertThat(authentication.secretIfSent()).contains(secretFor(mechanism));
            }
            assertThat(envelope.tls()).isPresent();
            SmtpSession session = server.sessions().get(0);
            assertThat(session.authentication()).contains(authentication);
            assertThat(session.transcriptText()).containsSubsequence("C: STARTTLS", "C: AUTH " + mechanism.keyword());
        }
    }

    @ParameterizedTest
    @EnumSource(AuthMechanism.class)
    void aWrongSecretRaisesAuthenticationFailedExceptionAndNothingIsCaptured(AuthMechanism mechanism) {
        try (FakeSmtpServer server = checkingServer()) {
            Properties properties = authWith(server, mechanism);
            assertThatThrownBy(() -> AngusMail.send(properties, USER, "wrong-" + secretFor(mechanism), "never"))
                    .isInstanceOf(AuthenticationFailedException.class);

            Eventually.assertWithin(AngusMail.WAIT,
                    () -> assertThat(server.sessions().get(0).end()).isNotEqualTo(SessionEnd.OPEN));
            SmtpSession session = server.sessions().get(0);
            assertThat(session.authentication()).isEmpty();
            assertThat(session.messageCount()).isZero();
            assertThat(session.transcriptText()).contains("C: AUTH " + mechanism.keyword())
                    .doesNotContain("C: MAIL FROM");
            assertThat(server.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void anUnknownUserIsRefusedToo() {
        try (FakeSmtpServer server = checkingServer()) {
            Properties properties = authWith(server, AuthMechanism.PLAIN);
            assertThatThrownBy(() -> AngusMail.send(properties, "mallory@example.com", PASSWORD, "never"))
                    .isInstanceOf(AuthenticationFailedException.class)
                    .hasMessageContaining("535 5.7.8");
            assertThat(server.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void byDefaultAngusCredentialsAreAcceptedAndRecordedInClearText() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Properties properties = AngusMail.plain(server);
            properties.setProperty("mail.smtp.auth", "true");
            AngusMail.send(properties, "app-user", "app-password", "default policy");

            Authentication authentication = AngusMail.awaitOne(server).envelope().authentication().orElseThrow();
            assertThat(authentication.user()).isEqualTo("app-user");
            assertThat(authentication.secretIfSent()).contains("app-password");
            assertThat(server.sessions().get(0).violations()).isEmpty();
        }
    }

    @Test
    void angusSubmitterBecomesMailFromAuth() throws Exception {
        try (FakeSmtpServer server = checkingServer()) {
            Properties properties = authWith(server, AuthMechanism.PLAIN);
            properties.setProperty("mail.smtp.submitter", USER);
            AngusMail.send(properties, USER, PASSWORD, "submitter");

            Envelope envelope = AngusMail.awaitOne(server).envelope();
            assertThat(envelope.mailParameter("AUTH")).contains(USER);
            assertThat(envelope.authenticatedUser()).contains(USER);
        }
    }

    @Test
    void angusWithoutCredentialsIsRefusedByRequireAuth() {
        try (FakeSmtpServer server = checkingServer()) {
            Properties properties = withTimeouts(server.mailProperties());
            assertThatThrownBy(() -> AngusMail.send(properties, "no auth"))
                    .isInstanceOf(MessagingException.class)
                    .hasMessageContaining("530 5.7.0");
            assertThat(server.mailbox().messages()).isEmpty();
        }
    }
}
