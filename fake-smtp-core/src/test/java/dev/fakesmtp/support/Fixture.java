package dev.fakesmtp.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that exists to be run by {@link Kit} (the JUnit Platform's EngineTestKit),
 * whose outcome another test checks: a test of an extension runs a fixture that uses it, as a user
 * would. It is skipped when an IDE or a package scan finds it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Fixture.OnlyInKit.class)
public @interface Fixture {

    /** The configuration parameter {@link Kit} sets. */
    String ENABLED = "dev.fakesmtp.fixtures";

    /** Enables fixtures only when {@link Kit} runs them. */
    final class OnlyInKit implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(ENABLED).map(Boolean::parseBoolean).orElse(false)
                    ? ConditionEvaluationResult.enabled("run by the test kit")
                    : ConditionEvaluationResult.disabled("a fixture, run only through Kit");
        }
    }
}
