package dev.fakesmtp.testcontainers.support;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.List;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;

/**
 * What the Docker tests need from this machine: an engine Testcontainers can reach, and images
 * that no registry is asked for. Each check runs once per JVM.
 */
public final class DockerEngine {

    /** The image {@code src/test/docker/build-msmtp-image.sh} builds. */
    public static final String MSMTP_IMAGE = "fake-smtp/msmtp:local";

    /**
     * The images behind {@code Testcontainers.exposeHostPorts} (its {@code PortForwardingContainer}):
     * 1.3.0 on Testcontainers 1.21.4+ and 2.0, 1.2.0 on 1.21.0 to 1.21.3, which CI also runs;
     * {@code src/test/docker/build-sshd-image.sh} builds one stand-in under both names.
     */
    public static final List<String> SSHD_IMAGES = List.of("testcontainers/sshd:1.3.0", "testcontainers/sshd:1.2.0");

    /**
     * Set to {@code required} (CI does, once dockerd runs) to fail instead of skipping, or to
     * {@code skip} (CI's one opt-out) to skip the Docker tests even where an engine runs.
     */
    public static final String REQUIRED_VARIABLE = "FAKESMTP_DOCKER_TESTS";

    private static final Optional<String> ENGINE_PROBLEM = probeEngine();

    private DockerEngine() {
    }

    /** Why the Docker tests cannot run here, or empty when the engine and the msmtp image are there. */
    public static Optional<String> problem() {
        return ENGINE_PROBLEM.or(() -> missing(MSMTP_IMAGE,
                "run fake-smtp-testcontainers/src/test/docker/build-msmtp-image.sh to build it"));
    }

    /** Why the host-port-exposure test cannot run here, or empty. */
    public static Optional<String> sshdProblem() {
        return problem().or(() -> SSHD_IMAGES.stream()
                .map(image -> missing(image, "run fake-smtp-testcontainers/src/test/docker/build-sshd-image.sh"
                        + " to build a stand-in"))
                .flatMap(Optional::stream).findFirst());
    }

    /** True when the environment asks for the Docker tests to run, not to be skipped. */
    public static boolean required() {
        return "required".equals(System.getenv(REQUIRED_VARIABLE));
    }

    /** True when the environment opts out of the Docker tests ({@code FAKESMTP_DOCKER_TESTS=skip}). */
    public static boolean optedOut() {
        return "skip".equals(System.getenv(REQUIRED_VARIABLE));
    }

    private static Optional<String> missing(String image, String hint) {
        try {
            DockerClient client = DockerClientFactory.instance().client();
            client.inspectImageCmd(image).exec();
            return Optional.empty();
        } catch (NotFoundException e) {
            return Optional.of("the image " + image + " is not on this Docker engine: " + hint);
        }
    }

    private static Optional<String> probeEngine() {
        try {
            DockerClientFactory.instance().client();
            return Optional.empty();
        } catch (RuntimeException e) {
            String ryuk = "true".equals(System.getenv("TESTCONTAINERS_RYUK_DISABLED")) ? ""
                    : " (without a registry, also set TESTCONTAINERS_RYUK_DISABLED=true)";
            return Optional.of("no Docker engine that Testcontainers can use: " + firstLine(e) + ryuk);
        }
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return e.getClass().getSimpleName() + ": " + (newline < 0 ? message : message.substring(0, newline));
    }
}
