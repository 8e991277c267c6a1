package dev.fakesmtp.testcontainers;

import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.Rule;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.junit5.SmtpServer;
import dev.fakesmtp.testcontainers.support.MsmtpContainer;
import dev.fakesmtp.testcontainers.support.MsmtpContainer.Delivery;
import dev.fakesmtp.testcontainers.support.RequiresDocker;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * msmtp in a container (host network mode) sends to the in-process server at the endpoint
 * {@link FakeSmtpContainers} gave it: plain, over STARTTLS with certificate and hostname checks,
 * with AUTH, and against failure rules, whose replies show up in msmtp's exit status and message.
 */
@RequiresDocker
@SmtpServer
@Testcontainers
@Timeout(60)
class MsmtpDeliveryTest {

    private static final String MAIL = "From: app@example.com\nTo: bob@example.com\nSubject: Welcome\n\n"
            + "Your account is ready.\n";
    private static final String[] TO_BOB = {"--from=app@example.com", "--domain=app.test", "bob@example.com"};
    private static final String[] STARTTLS = {"--tls=on", "--tls-starttls=on", "--tls-certcheck=on",
            "--tls-trust-file=" + MsmtpContainer.CA_FILE};

    @SmtpServer
    static FakeSmtpServer smtp = FakeSmtpServer.builder().hostname("mail.test").startTls()
            .credentials("app", "s3cret").build();

    @Container
    static MsmtpContainer app = FakeSmtpContainers.sendMailTo(smtp, new MsmtpContainer(),
            (container, endpoint) -> container.withEnv(endpoint.environment())
                    .withCaFile(smtp.clientTls().caCertificatePem()));

    @Test
    void theContainerGotTheLoopbackEndpointOfTheRunningServer() throws Exception {
        assertThat(app.getEnvMap()).containsEntry("MAIL_HOST", "127.0.0.1")
                .containsEntry("MAIL_PORT", String.valueOf(smtp.port()));
        assertThat(app.execInContainer("/bin/sh", "-c", "echo \"$MAIL_HOST:$MAIL_PORT\"").getStdout().trim())
                .isEqualTo(SmtpEndpoint.hostNetwork(smtp).hostAndPort());
    }

    @Test
    void deliversPlainMail(Mailbox mailbox) {
        Delivery delivery = app.send(MAIL, options(TO_BOB, "--tls=off", "--auth=off"));

        assertThat(delivery.exitStatus()).as(delivery.stderr()).isZero();
        ReceivedMail mail = mailbox.awaitMessages(1, Duration.ofSeconds(10)).get(0);
        assertThat(mail).hasSubject("Welcome").hasEnvelopeRecipients("bob@example.com");
        assertThat(mail.envelope().mailFrom()).isEqualTo("app@example.com");
        assertThat(mail.envelope().heloName()).isEqualTo("app.test");
        assertThat(mail.envelope().tls()).isEmpty();
        assertThat(mail.text()).contains("Your account is ready.");
    }

    @Test
    void deliversOverStartTlsTrustingOnlyTheServersCertificateAuthority(Mailbox mailbox) {
        Delivery delivery = app.send(MAIL, options(TO_BOB, STARTTLS));

        assertThat(delivery.exitStatus()).as(delivery.stderr()).isZero();
        ReceivedMail mail = mailbox.awaitMessages(1, Duration.ofSeconds(10)).get(0);
        assertThat(mail.envelope().tls()).hasValueSatisfying(tls -> assertThat(tls.implicit()).isFalse());
    }

    @Test
    void msmtpChecksTheHostnameInTheCertificate(Mailbox mailbox) {
        Delivery delivery = app.send(MAIL, options(TO_BOB, STARTTLS, "--tls-host-override=mail.example.org"));

        assertThat(delivery.exitStatus()).isNotZero();
        assertThat(delivery.stderr()).contains("certificate verification failed")
                .contains("name in the certificate does not match");
        assertThat(mailbox.messages()).isEmpty();
    }

    @Test
    void authenticatesOverStartTls(Mailbox mailbox) {
        Delivery delivery = app.send(MAIL, options(TO_BOB, STARTTLS, "--auth=plain", "--user=app",
                "--passwordeval=echo s3cret"));

        assertThat(delivery.exitStatus()).as(delivery.stderr()).isZero();
        ReceivedMail mail = mailbox.awaitMessages(1, Duration.ofSeconds(10)).get(0);
        assertThat(mail.envelope().authenticatedUser()).hasValue("app");
        assertThat(mail.envelope().tls()).isPresent();
    }

    @Test
    void aWrongPasswordFailsWithExitStatusNoPermission(Mailbox mailbox) {
        Delivery delivery = app.send(MAIL, options(TO_BOB, STARTTLS, "--auth=plain", "--user=app",
                "--passwordeval=echo wrong"));

        assertThat(delivery.exitStatus()).isEqualTo(Sysexits.NOPERM);
        assertThat(delivery.stderr()).contains("535");
        assertThat(mailbox.messages()).isEmpty();
    }

    @Test
    void aRejectedRecipientMakesMsmtpFailWithTheServersReplyAndStatusDataError(Mailbox mailbox) {
        Rule rule = smtp.on(Trigger.rcptTo("bob@example.com")).reply(550, "5.1.1 No such user");

        Delivery delivery = app.send(MAIL, options(TO_BOB, "--tls=off"));

        assertThat(delivery.exitStatus()).isEqualTo(Sysexits.DATAERR);
        assertThat(delivery.stderr()).contains("bob@example.com").contains("550 5.1.1 No such user");
        assertThat(rule.timesFired()).isEqualTo(1);
        assertThat(mailbox.messages()).isEmpty();
    }

    @Test
    void aTemporaryRejectionGivesAnotherStatusThanAPermanentOne(Mailbox mailbox) {
        smtp.on(Trigger.rcptTo()).reply(451, "4.3.2 Try again later");

        Delivery delivery = app.send(MAIL, options(TO_BOB, "--tls=off"));

        assertThat(delivery.exitStatus()).isEqualTo(Sysexits.UNAVAILABLE);
        assertThat(delivery.stderr()).contains("451 4.3.2 Try again later");
        assertThat(mailbox.messages()).isEmpty();
    }

    private static String[] options(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static String[] options(String[] first, String[] second, String... more) {
        return options(options(first, second), more);
    }

    /** The exit statuses msmtp (1.8, Debian 12) gives for these failures, from sysexits.h. */
    private static final class Sysexits {
        static final int DATAERR = 65;
        static final int UNAVAILABLE = 69;
        static final int NOPERM = 77;
    }
}
