package dev.fakesmtp.samples.testcontainers;

import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.junit5.SmtpServer;
import dev.fakesmtp.testcontainers.FakeSmtpContainers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.ContainerLaunchException;

/**
 * The report job runs in its container and mails the server in this JVM: each test gets a fresh
 * server ({@code @SmtpServer}), and {@link FakeSmtpContainers#sendMailTo} hands the job its
 * address ({@code MAIL_HOST}, {@code MAIL_PORT}) when the container starts.
 */
@RequiresDocker
@SmtpServer
@Timeout(120)
class ReportJobTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    static final String ORDERS = """
            A-1001,Alice,1250
            A-1002,Bob,4900
            A-1003,Carol,0
            """;

    @Test
    void mailsTheNightlyReport(FakeSmtpServer smtp, Mailbox mailbox) {
        try (ReportJobContainer job = FakeSmtpContainers.sendMailTo(smtp, new ReportJobContainer())
                .withReportTo("boss@shop.test").withOrders(ORDERS)) {
            job.start();  // returns once the job exited with 0

            assertThat(job.output()).contains("mailed the report on 3 orders to boss@shop.test");
        }

        assertThat(mailbox).awaitMessageTo("boss@shop.test", WAIT)
                .hasEnvelopeSender("reports@shop.test")
                .hasSubject("Nightly report: 3 orders")
                .hasTextContaining("A-1002", "Bob", "49.00 EUR", "Total: 61.50 EUR")
                .wasNotSentOverTls()
                .isEncodedCorrectly();
        assertThat(mailbox.messages().get(0).envelope().heloName()).isEqualTo("report-job.test");
        assertThat(smtp).hasNoViolations().singleSession().endedWithQuit();
    }

    @Test
    void aQuietDayIsReportedToo(FakeSmtpServer smtp, Mailbox mailbox) {
        try (ReportJobContainer job = FakeSmtpContainers.sendMailTo(smtp, new ReportJobContainer())
                .withReportTo("boss@shop.test")) {
            job.start();
        }

        assertThat(mailbox).awaitMessageTo("boss@shop.test", WAIT)
                .hasSubject("Nightly report: 0 orders")
                .hasTextContaining("Total: 0.00 EUR");
    }

    @Test
    void aRefusedReportFailsTheJob(FakeSmtpServer smtp, Mailbox mailbox) {
        smtp.on(Trigger.rcptTo("boss@shop.test")).reply(550, "5.1.1 No such user");

        try (ReportJobContainer job = FakeSmtpContainers.sendMailTo(smtp, new ReportJobContainer())
                .withReportTo("boss@shop.test").withOrders(ORDERS)) {
            // The job exits non-zero, so the one-shot start fails; msmtp printed the server's reply.
            assertThatThrownBy(job::start).isInstanceOf(ContainerLaunchException.class);
            assertThat(job.output()).contains("550 5.1.1 No such user");
        }

        assertThat(mailbox).isEmpty();
        assertThat(smtp).singleSession().hasReply("550 5.1.1");
    }
}
