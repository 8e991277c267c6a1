package dev.fakesmtp.internal.command;

import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.internal.RuleRunner;
import dev.fakesmtp.internal.Session;
import dev.fakesmtp.internal.rules.RuleEvent;
import java.io.IOException;

/** The end of a message (DATA's dot or BDAT LAST): rules first, then capture and 250. */
final class EndOfData {

    private EndOfData() {
    }

    /**
     * Captures {@code content} and answers 250, unless an end-of-data rule intercepts: then the
     * rule answers and nothing is captured (RFC 5321 §4.1.1.4: no 250, no delivery).
     */
    static void finish(Session session, byte[] content, String okText) throws IOException {
        ReceivedMail mail = session.prepareMail(content);
        if (RuleRunner.intercept(session, RuleEvent.endOfData(session.transaction().mailFrom(), mail))) {
            if (session.transaction() != null) {
                session.endTransaction();
            }
            return;
        }
        String id = session.deliver(mail);
        session.reply(SmtpReply.of(250, "2.0.0", okText + id));
    }
}
