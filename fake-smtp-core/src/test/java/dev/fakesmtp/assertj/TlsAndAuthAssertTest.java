package dev.fakesmtp.assertj;

import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.AuthMechanism;
import dev.fakesmtp.Authentication;
import dev.fakesmtp.Envelope;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.Recipient;
import dev.fakesmtp.TlsInfo;
import dev.fakesmtp.support.AngusMail;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How a message travelled: over TLS or not, authenticated or not. */
@Timeout(20)
class TlsAndAuthAssertTest {

    private static final String WHO = "the message from <shop@example.com> to [bob@example.com], subject \"Hi\" (session s1)";

    @Test
    void overStartTlsWithAuth() throws Exception {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().requireTls().credentials("alice", "s3cret").build().start()) {
            Properties properties = AngusMail.withTimeouts(smtp.mailProperties());
            properties.setProperty("mail.smtp.auth", "true");
            AngusMail.send(properties, "alice", "s3cret", "over TLS");

            assertThat(smtp.mailbox()).singleMessage().wasSentOverTls().hasAuthenticatedUser("alice")
                    .hasSubject("over TLS");
            assertThat(smtp).singleSession().usedTls().hasAuthenticatedUser("alice").hasNoViolations();
            assertThatThrownBy(() -> assertThat(smtp).singleSession().hasAuthenticatedUser("bob"))
                    .hasMessageStartingWith("Expecting session s1 to have authenticated as \"bob\", but it authenticated"
                            + " as alice via ");
            FakeSmtpSoftAssertions softly = new FakeSmtpSoftAssertions();
            softly.assertThat(smtp).singleSession().hasAuthenticatedUser("bob").hasMessageCount(2);
            assertThat(softly.errorsCollected()).hasSize(2);
        }
    }

    @Test
    void inPlainTextWithoutAuth() throws Exception {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().build().start()) {
            AngusMail.send(AngusMail.plain(smtp), "plain");

            assertThat(smtp.mailbox()).singleMessage().wasNotSentOverTls().wasNotAuthenticated();
            assertThatThrownBy(() -> assertThat(smtp).singleSession().usedTls())
                    .hasMessageStartingWith("Expecting session s1 to use TLS, but it stayed in plain text.\nTranscript");
            assertThatThrownBy(() -> assertThat(smtp).singleSession().hasAuthenticatedUser("alice"))
                    .hasMessageStartingWith("Expecting session s1 to have authenticated as \"alice\", but the client"
                            + " did not authenticate.\nTranscript");
        }
    }

    @Test
    void failuresSayHowTheMessageTravelled() {
        ReceivedMail plain = mail(null, null);
        ReceivedMail secure = mail(new TlsInfo("TLSv1.3", "TLS_AES_128_GCM_SHA256", false),
                new Authentication("alice", AuthMechanism.PLAIN, "s3cret"));

        assertThat(secure).wasSentOverTls("TLSv1.3").hasAuthenticatedUser("alice");
        assertThatThrownBy(() -> assertThat(plain).wasSentOverTls())
                .hasMessage("Expecting " + WHO + " to have been sent over TLS, but its session was plain text.");
        assertThatThrownBy(() -> assertThat(secure).wasSentOverTls("TLSv1.2"))
                .hasMessage("Expecting the TLS protocol of " + WHO + "\n  to be: TLSv1.2\n  but was: TLSv1.3");
        assertThatThrownBy(() -> assertThat(secure).wasNotSentOverTls())
                .hasMessage("Expecting " + WHO + " to have been sent in plain text, but it came over STARTTLS TLSv1.3"
                        + " TLS_AES_128_GCM_SHA256");
        assertThatThrownBy(() -> assertThat(secure).hasAuthenticatedUser("bob"))
                .hasMessage("Expecting the authenticated user of " + WHO + "\n  to be: \"bob\"\n"
                        + "  but was: \"alice\" (alice via PLAIN)");
        assertThatThrownBy(() -> assertThat(plain).hasAuthenticatedUser("bob"))
                .hasMessage("Expecting the authenticated user of " + WHO + "\n  to be: \"bob\"\n  but was: (no AUTH)");
        assertThatThrownBy(() -> assertThat(secure).wasNotAuthenticated())
                .hasMessage("Expecting " + WHO + " to have been sent without AUTH, but the client authenticated as"
                        + " alice via PLAIN");
    }

    private static ReceivedMail mail(TlsInfo tls, Authentication authentication) {
        Envelope envelope = Envelope.builder().heloName("client.test").mailFrom("shop@example.com")
                .addRecipient(Recipient.of("bob@example.com")).sessionId("s1").tls(tls).authentication(authentication)
                .build();
        return new ReceivedMail(envelope, "Subject: Hi\r\n\r\nHello\r\n".getBytes(StandardCharsets.US_ASCII));
    }
}
