package dev.fakesmtp.internal;

import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.FakeSmtpException;

/** One line that identifies a captured message in a failure message. */
final class MailSummary {

    private MailSummary() {
    }

    static String of(ReceivedMail mail) {
        String subject;
        try {
            String parsed = mail.subject();
            subject = parsed == null ? "(no subject)" : "\"" + parsed + "\"";
        } catch (FakeSmtpException e) {
            subject = "(not parseable as MIME)";
        }
        return "from <" + mail.envelope().mailFrom() + "> to " + mail.envelope().recipients()
                + ", subject " + subject + ", " + mail.size() + " bytes (session "
                + mail.envelope().sessionId() + ")";
    }
}
