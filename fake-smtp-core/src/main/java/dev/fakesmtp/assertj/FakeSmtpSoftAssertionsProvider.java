package dev.fakesmtp.assertj;

import dev.fakesmtp.Attachment;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.SmtpSession;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Soft-assertion versions of {@link FakeSmtpAssertions}' entry points, to mix into your own
 * soft assertions class; {@link FakeSmtpSoftAssertions} is a ready one. Navigation
 * ({@code singleMessage()}, {@code attachment(..)}) stays soft; when it finds nothing, that
 * failure is collected and the assertions chained after it report that there was nothing to check.
 */
public interface FakeSmtpSoftAssertionsProvider extends SoftAssertionsProvider {

    /**
     * Soft assertions on a mailbox.
     *
     * @param actual the value under test
     * @return soft assertions on the mailbox
     */
    default MailboxAssert assertThat(Mailbox actual) {
        return proxy(MailboxAssert.class, Mailbox.class, actual).collectingInto(this);
    }

    /**
     * Soft assertions on one captured message.
     *
     * @param actual the value under test
     * @return soft assertions on the message
     */
    default ReceivedMailAssert assertThat(ReceivedMail actual) {
        return proxy(ReceivedMailAssert.class, ReceivedMail.class, actual).collectingInto(this);
    }

    /**
     * Soft assertions on one client session.
     *
     * @param actual the value under test
     * @return soft assertions on the session
     */
    default SmtpSessionAssert assertThat(SmtpSession actual) {
        return proxy(SmtpSessionAssert.class, SmtpSession.class, actual).collectingInto(this);
    }

    /**
     * Soft assertions on a server.
     *
     * @param actual the value under test
     * @return soft assertions on the server
     */
    default FakeSmtpServerAssert assertThat(FakeSmtpServer actual) {
        return proxy(FakeSmtpServerAssert.class, FakeSmtpServer.class, actual).collectingInto(this);
    }

    /**
     * Soft assertions on an attachment.
     *
     * @param actual the value under test
     * @return soft assertions on the attachment
     */
    default AttachmentAssert assertThat(Attachment actual) {
        return proxy(AttachmentAssert.class, Attachment.class, actual).collectingInto(this);
    }
}
