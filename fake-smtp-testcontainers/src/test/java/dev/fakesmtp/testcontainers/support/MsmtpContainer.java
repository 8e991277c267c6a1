package dev.fakesmtp.testcontainers.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * A container of the msmtp image in host network mode: the "application" of these tests, which
 * sends mail to {@code $MAIL_HOST:$MAIL_PORT}, the endpoint fake-smtp-testcontainers gives it.
 * It idles until stopped ({@code sleep}, which Testcontainers kills), and sends on demand.
 */
public final class MsmtpContainer extends GenericContainer<MsmtpContainer> {

    /** Where {@link #withCaFile} puts the certificate authority inside the container. */
    public static final String CA_FILE = "/tmp/fake-smtp-ca.pem";

    private static final String MAIL_FILE = "/tmp/mail.eml";
    private static final String DELIVERED = "startup mail delivered";
    private static final String FAILED = "startup mail failed";

    private Runnable beforeStop = () -> { };

    /** An idle msmtp container in host network mode. */
    public MsmtpContainer() {
        super(DockerImageName.parse(DockerEngine.MSMTP_IMAGE));
        withNetworkMode("host");
        withStartupTimeout(Duration.ofSeconds(30));
    }

    /**
     * Makes the container send one mail as it starts, to {@code recipient}: {@code start()} returns
     * once msmtp has finished, and fails when msmtp failed (the server was not listening).
     */
    public MsmtpContainer sendingAtStartup(String recipient, String subject) {
        String script = "printf 'From: app@example.com\\nTo: %s\\nSubject: %s\\n\\nSent as the container started.\\n' "
                + "\"$1\" \"$2\" | msmtp --host=\"$MAIL_HOST\" --port=\"$MAIL_PORT\" --from=app@example.com"
                + " --domain=app.test --timeout=10 \"$1\" && echo '" + DELIVERED + "' && exec sleep infinity;"
                + " echo \"" + FAILED + ": msmtp exit status $?\"; exit 1";
        withCommand("/bin/sh", "-c", script, "sh", recipient, subject);
        return waitingFor(Wait.forLogMessage(".*(" + DELIVERED + "|" + FAILED + ").*\\n", 1));
    }

    /** Copies the server's certificate authority (PEM) to {@link #CA_FILE} when the container starts. */
    public MsmtpContainer withCaFile(String caCertificatePem) {
        return withCopyToContainer(Transferable.of(caCertificatePem), CA_FILE);
    }

    /** Runs {@code action} when the container is about to stop, e.g. to record the server's state then. */
    public MsmtpContainer beforeStop(Runnable action) {
        this.beforeStop = action;
        return this;
    }

    /** True when the startup mail went out (see {@link #sendingAtStartup}). */
    public boolean deliveredStartupMail() {
        return getLogs().contains(DELIVERED);
    }

    /**
     * Runs {@code msmtp --host=$MAIL_HOST --port=$MAIL_PORT <options> < mail} in the running
     * container and returns its exit status and output.
     */
    public Delivery send(String mail, String... options) {
        copyFileToContainer(Transferable.of(mail.getBytes(StandardCharsets.UTF_8)), MAIL_FILE);
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c",
                "exec msmtp --host=\"$MAIL_HOST\" --port=\"$MAIL_PORT\" --timeout=10 \"$@\" < " + MAIL_FILE, "sh"));
        command.addAll(List.of(options));
        try {
            ExecResult result = execInContainer(command.toArray(String[]::new));
            return new Delivery(result.getExitCode(), result.getStdout(), result.getStderr());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while msmtp ran", e);
        }
    }

    @Override
    public void stop() {
        beforeStop.run();
        super.stop();
    }

    /**
     * What one msmtp run ended with.
     *
     * @param exitStatus msmtp's exit status (sysexits.h: 0 sent, 65 data error, 69 unavailable, 77 no permission, ...)
     * @param stdout what it printed
     * @param stderr its error messages
     */
    public record Delivery(int exitStatus, String stdout, String stderr) {
    }
}
