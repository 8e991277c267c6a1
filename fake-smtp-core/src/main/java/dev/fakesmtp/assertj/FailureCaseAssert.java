package dev.fakesmtp.assertj;

import dev.fakesmtp.FailureCase;
import dev.fakesmtp.FailureKind;
import dev.fakesmtp.FailureStage;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link FailureCase}, for tests that check they meet the case they expect,
 * e.g. in a matrix test's branch for one kind. Failures name the case and what it is.
 *
 * <pre>{@code
 * assertThat(failure).isTransient().hasReaction(FailureCase.Reaction.RETRY);
 * }</pre>
 */
public class FailureCaseAssert extends AbstractAssert<FailureCaseAssert, FailureCase> {

    /**
     * Assertions on this case; usually through {@link FakeSmtpAssertions#assertThat(FailureCase)}.
     *
     * @param actual the case
     */
    public FailureCaseAssert(FailureCase actual) {
        super(actual, FailureCaseAssert.class);
    }

    /**
     * The case is a 4xx refusal ({@link FailureKind#TRANSIENT}).
     *
     * @return this assert
     */
    public FailureCaseAssert isTransient() {
        return isOfKind(FailureKind.TRANSIENT);
    }

    /**
     * The case is a 5xx refusal ({@link FailureKind#PERMANENT}).
     *
     * @return this assert
     */
    public FailureCaseAssert isPermanent() {
        return isOfKind(FailureKind.PERMANENT);
    }

    /**
     * The case is of this kind.
     *
     * @param kind the expected kind
     * @return this assert
     */
    public FailureCaseAssert isOfKind(FailureKind kind) {
        isNotNull();
        if (actual.kind() != Objects.requireNonNull(kind, "kind")) {
            failWithMessage("Expecting a %s failure case, but %s is %s: %s", kind, actual.id(), actual.kind(),
                    actual.description());
        }
        return myself;
    }

    /**
     * The case hits this stage.
     *
     * @param stage the expected stage
     * @return this assert
     */
    public FailureCaseAssert hitsStage(FailureStage stage) {
        isNotNull();
        if (actual.stage() != Objects.requireNonNull(stage, "stage")) {
            failWithMessage("Expecting a failure case at %s, but %s hits %s: %s", stage, actual.id(), actual.stage(),
                    actual.description());
        }
        return myself;
    }

    /**
     * A well-behaved client reacts to the case this way.
     *
     * @param reaction the expected reaction
     * @return this assert
     */
    public FailureCaseAssert hasReaction(FailureCase.Reaction reaction) {
        isNotNull();
        if (actual.reaction() != Objects.requireNonNull(reaction, "reaction")) {
            failWithMessage("Expecting a failure case a client reacts to with %s, but for %s it is %s: %s", reaction,
                    actual.id(), actual.reaction(), actual.description());
        }
        return myself;
    }

    /**
     * A well-behaved client tries the mail again after this case ({@link FailureCase.Reaction#RETRY}).
     *
     * @return this assert
     */
    public FailureCaseAssert expectsRetry() {
        return hasReaction(FailureCase.Reaction.RETRY);
    }
}
