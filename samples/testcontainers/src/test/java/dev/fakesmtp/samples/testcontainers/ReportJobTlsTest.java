package dev.fakesmtp.samples.testcontainers;

import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.junit5.SmtpServer;
import dev.fakesmtp.testcontainers.FakeSmtpContainers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.ContainerLaunchException;

/**
 * The job against a server that, like a real submission server, wants STARTTLS and a login. The
 * container trusts the server's test CA only (copied in as PEM), with the hostname checked.
 */
@RequiresDocker
@Timeout(120)
class ReportJobTlsTest {

    @SmtpServer
    static FakeSmtpServer smtp = FakeSmtpServer.builder()
            .requireTls()
            .credentials("reports", "s3cret")
            .requireAuth()
            .build();

    private ReportJobContainer job() {
        return FakeSmtpContainers.sendMailTo(smtp, new ReportJobContainer())
                .withReportTo("boss@shop.test")
                .withOrders(ReportJobTest.ORDERS)
                .withStartTls(smtp.clientTls().caCertificatePem());
    }

    @Test
    void sendsOverStartTlsAfterLoggingIn(Mailbox mailbox) {
        try (ReportJobContainer job = job().withLogin("reports", "s3cret")) {
            job.start();
        }

        assertThat(mailbox).awaitMessageTo("boss@shop.test", ReportJobTest.WAIT)
                .hasSubject("Nightly report: 3 orders")
                .wasSentOverTls()
                .hasAuthenticatedUser("reports");
    }

    @Test
    void aWrongPasswordFailsTheJob(Mailbox mailbox) {
        try (ReportJobContainer job = job().withLogin("reports", "wrong")) {
            assertThatThrownBy(job::start).isInstanceOf(ContainerLaunchException.class);
            assertThat(job.output()).contains("535");
        }

        assertThat(mailbox).isEmpty();
    }
}
