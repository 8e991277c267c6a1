package dev.fakesmtp.samples.jakartamail;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that fails on purpose, to show what a failure looks like; another test runs
 * it through the JUnit Platform's EngineTestKit with {@link #ENABLED} set. A build or an IDE that
 * finds it on its own skips it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OnlyThroughTestKit.Condition.class)
public @interface OnlyThroughTestKit {

    /** The configuration parameter that enables the class. */
    String ENABLED = "dev.fakesmtp.samples.failOnPurpose";

    /** Enables the class only when {@link #ENABLED} is true. */
    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(ENABLED).map(Boolean::parseBoolean).orElse(false)
                    ? ConditionEvaluationResult.enabled("run through EngineTestKit")
                    : ConditionEvaluationResult.disabled("fails on purpose; run only through EngineTestKit");
        }
    }
}
