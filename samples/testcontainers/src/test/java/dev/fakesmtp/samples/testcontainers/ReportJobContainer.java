package dev.fakesmtp.samples.testcontainers;

import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.ToStringConsumer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.images.builder.Transferable;

/**
 * The report job's container: built from {@code src/main/resources/report-job}, run once to the
 * end ({@link #start()} returns when the job exited with 0, and throws otherwise), in host network
 * mode so that it reaches the test's loopback server. Its output is kept for {@link #output()}.
 */
final class ReportJobContainer extends GenericContainer<ReportJobContainer> {

    /** The base image, built from this machine's msmtp by the Testcontainers module's script. */
    static final String BASE_IMAGE = "fake-smtp/msmtp:local";

    /** Built once per JVM (lazily, on the first start), then reused by every container. */
    private static final ImageFromDockerfile IMAGE = new ImageFromDockerfile("fake-smtp-samples/report-job", false)
            .withFileFromClasspath("Dockerfile", "report-job/Dockerfile")
            .withFileFromClasspath("send-report.sh", "report-job/send-report.sh");

    private static final String CA_FILE = "/etc/report-job/ca.pem";

    private final ToStringConsumer output = new ToStringConsumer();

    ReportJobContainer() {
        super(IMAGE);
        withNetworkMode("host");
        withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofSeconds(60)));
        withLogConsumer(output);
    }

    /** The day's orders, as the job reads them: {@code id,customer,cents} lines. */
    ReportJobContainer withOrders(String csv) {
        return withCopyToContainer(Transferable.of(csv), "/data/orders.csv");
    }

    /** Who gets the report. */
    ReportJobContainer withReportTo(String address) {
        return withEnv("REPORT_TO", address);
    }

    /** Send over STARTTLS, trusting only this CA (PEM), with the server's hostname checked. */
    ReportJobContainer withStartTls(String caCertificatePem) {
        return withCopyToContainer(Transferable.of(caCertificatePem), CA_FILE).withEnv("MAIL_TLS_CA_FILE", CA_FILE);
    }

    /** Log in with AUTH PLAIN. */
    ReportJobContainer withLogin(String user, String password) {
        return withEnv("MAIL_USER", user).withEnv("MAIL_PASSWORD", password);
    }

    /** What the job printed (standard output and error), so far. */
    String output() {
        return output.toUtf8String();
    }
}
