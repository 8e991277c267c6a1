package dev.fakesmtp.testcontainers.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only where a Docker engine and the images it needs are present; elsewhere
 * the class is skipped, and the reason is printed, so CI's log shows it. With
 * {@code FAKESMTP_DOCKER_TESTS=required} a missing engine or image fails the class instead; with
 * {@code FAKESMTP_DOCKER_TESTS=skip} the class is skipped even where the engine runs.
 * Put it before {@code @Testcontainers}: no container is started for a skipped class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresDocker.Condition.class)
public @interface RequiresDocker {

    /** Whether the class also needs Testcontainers' sshd image (the host-port-exposure route). */
    boolean sshd() default false;

    /** Checks the engine and the images once per class. */
    final class Condition implements ExecutionCondition {

        private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            boolean sshd = context.getTestClass()
                    .flatMap(type -> Optional.ofNullable(type.getAnnotation(RequiresDocker.class)))
                    .map(RequiresDocker::sshd).orElse(false);
            Optional<String> problem = DockerEngine.optedOut()
                    ? Optional.of(DockerEngine.REQUIRED_VARIABLE + "=skip opts out of the Docker tests")
                    : sshd ? DockerEngine.sshdProblem() : DockerEngine.problem();
            if (problem.isEmpty()) {
                return ConditionEvaluationResult.enabled("Docker engine and images present");
            }
            String reason = "Docker tests skipped: " + problem.get();
            if (DockerEngine.required()) {
                throw new IllegalStateException(DockerEngine.REQUIRED_VARIABLE + "=required, but " + problem.get());
            }
            if (context.getTestMethod().isEmpty() && REPORTED.add(context.getUniqueId())) {
                System.out.println("[fake-smtp-testcontainers] " + context.getDisplayName() + ": " + reason);
            }
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
