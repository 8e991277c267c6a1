package dev.fakesmtp.assertj;

import org.assertj.core.api.AbstractSoftAssertions;

/**
 * Collects failures of fake-smtp assertions and reports them together, like AssertJ's
 * {@code SoftAssertions}; also works with AssertJ's {@code SoftAssertionsExtension}.
 *
 * <pre>{@code
 * FakeSmtpSoftAssertions softly = new FakeSmtpSoftAssertions();
 * softly.assertThat(mail).hasSubject("Welcome");
 * softly.assertThat(mail).hasTextContaining("ready");
 * softly.assertAll();
 * }</pre>
 */
public class FakeSmtpSoftAssertions extends AbstractSoftAssertions implements FakeSmtpSoftAssertionsProvider {

    /** An empty collector. */
    public FakeSmtpSoftAssertions() {
    }
}
