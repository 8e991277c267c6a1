package dev.fakesmtp.assertj;

import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.FailureCase;
import dev.fakesmtp.FailureCatalog;
import dev.fakesmtp.FailureKind;
import dev.fakesmtp.FailureStage;
import org.junit.jupiter.api.Test;

/** Assertions on failure cases pass for what a case is and name the case when they fail. */
class FailureCaseAssertTest {

    private final FailureCase greylisted = FailureCatalog.byId("rcpt-451-greylisted");

    @Test
    void passesForWhatTheCaseIs() {
        assertThat(greylisted).isTransient().isOfKind(FailureKind.TRANSIENT).hitsStage(FailureStage.RCPT)
                .expectsRetry().hasReaction(FailureCase.Reaction.RETRY);
        assertThat(FailureCatalog.byId("rcpt-550-user-unknown")).isPermanent();
    }

    @Test
    void failuresNameTheCase() {
        assertThatThrownBy(() -> assertThat(greylisted).isPermanent())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting a PERMANENT failure case, but rcpt-451-greylisted is TRANSIENT");
        assertThatThrownBy(() -> assertThat(greylisted).hitsStage(FailureStage.MAIL))
                .hasMessageContaining("but rcpt-451-greylisted hits RCPT");
        assertThatThrownBy(() -> assertThat(FailureCatalog.byId("dot-disconnect-after-capture")).expectsRetry())
                .hasMessageContaining("for dot-disconnect-after-capture it is DO_NOT_RESEND");
        assertThatThrownBy(() -> assertThat((FailureCase) null).isTransient())
                .isInstanceOf(AssertionError.class);
    }
}
