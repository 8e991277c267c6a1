package dev.fakesmtp.samples.testcontainers;

import com.github.dockerjava.api.exception.NotFoundException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs a test class only where there is a Docker engine with the job's base image; elsewhere the
 * class is skipped with the reason (shown by Surefire). With {@code FAKESMTP_DOCKER_TESTS=required}
 * (CI sets it once its engine runs) a missing engine or image fails instead: a skip would hide a bug.
 * {@code FAKESMTP_DOCKER_TESTS=skip} (CI's one opt-out) skips the class even where an engine runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresDocker.Condition.class)
@interface RequiresDocker {

    /** Checks the engine and the image. */
    final class Condition implements ExecutionCondition {

        /** Checked once per JVM: the engine and the image do not come and go during a test run. */
        private static final class Probe {
            static final Optional<String> PROBLEM = problem();
        }

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<String> problem = "skip".equals(System.getenv("FAKESMTP_DOCKER_TESTS"))
                    ? Optional.of("FAKESMTP_DOCKER_TESTS=skip opts out of the Docker tests")
                    : Probe.PROBLEM;
            if (problem.isEmpty()) {
                return ConditionEvaluationResult.enabled("Docker and " + ReportJobContainer.BASE_IMAGE + " are here");
            }
            if ("required".equals(System.getenv("FAKESMTP_DOCKER_TESTS"))) {
                throw new IllegalStateException("FAKESMTP_DOCKER_TESTS=required, but " + problem.get());
            }
            String reason = "Docker tests skipped: " + problem.get();
            if (context.getTestMethod().isEmpty()) {
                // Surefire's console shows skips without their reason: say it once per class, in the
                // same form as fake-smtp-testcontainers' own tests.
                System.out.println("[samples/testcontainers] " + context.getDisplayName() + ": " + reason);
            }
            return ConditionEvaluationResult.disabled(reason);
        }

        private static Optional<String> problem() {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return Optional.of("no Docker engine that Testcontainers can reach");
            }
            try {
                DockerClientFactory.instance().client().inspectImageCmd(ReportJobContainer.BASE_IMAGE).exec();
                return Optional.empty();
            } catch (NotFoundException e) {
                return Optional.of("the image " + ReportJobContainer.BASE_IMAGE + " is missing; build it with"
                        + " fake-smtp-testcontainers/src/test/docker/build-msmtp-image.sh");
            }
        }
    }
}
