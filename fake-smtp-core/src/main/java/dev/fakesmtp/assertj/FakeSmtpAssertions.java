package dev.fakesmtp.assertj;

import dev.fakesmtp.Attachment;
import dev.fakesmtp.FailureCase;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.SmtpSession;

/**
 * The entry point of fake-smtp's AssertJ assertions (AssertJ must be on the test classpath).
 * Import it statically next to AssertJ's own {@code assertThat}; the overloads do not clash.
 *
 * <pre>{@code
 * import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;
 * import static dev.fakesmtp.assertj.MailMatcher.mail;
 *
 * assertThat(smtp.mailbox()).awaitMessageTo("bob@example.com", Duration.ofSeconds(5))
 *         .hasSubject("Welcome")
 *         .hasTextContaining("Your account is ready");
 * }</pre>
 */
public final class FakeSmtpAssertions {

    private FakeSmtpAssertions() {
    }

    /**
     * Assertions on a mailbox: its messages, matching, navigation and awaiting.
     *
     * @param actual the value under test
     * @return assertions on the mailbox
     */
    public static MailboxAssert assertThat(Mailbox actual) {
        return new MailboxAssert(actual);
    }

    /**
     * Assertions on one captured message.
     *
     * @param actual the value under test
     * @return assertions on the message
     */
    public static ReceivedMailAssert assertThat(ReceivedMail actual) {
        return new ReceivedMailAssert(actual);
    }

    /**
     * Assertions on one client session: transcript, violations, how it ended.
     *
     * @param actual the value under test
     * @return assertions on the session
     */
    public static SmtpSessionAssert assertThat(SmtpSession actual) {
        return new SmtpSessionAssert(actual);
    }

    /**
     * Assertions on a server: its mailbox and sessions.
     *
     * @param actual the value under test
     * @return assertions on the server
     */
    public static FakeSmtpServerAssert assertThat(FakeSmtpServer actual) {
        return new FakeSmtpServerAssert(actual);
    }

    /**
     * Assertions on an attachment or inline part.
     *
     * @param actual the value under test
     * @return assertions on the attachment
     */
    public static AttachmentAssert assertThat(Attachment actual) {
        return new AttachmentAssert(actual);
    }

    /**
     * Assertions on a failure case of the catalogue: its kind, stage and expected reaction.
     *
     * @param actual the case, e.g. the one a {@code @SmtpFailureMatrix} test was given
     * @return the assertions
     */
    public static FailureCaseAssert assertThat(FailureCase actual) {
        return new FailureCaseAssert(actual);
    }
}
