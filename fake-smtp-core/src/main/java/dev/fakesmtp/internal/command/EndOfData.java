package dev.fakesmtp.internal.command;

import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.TranscriptLine.Direction;
import dev.fakesmtp.Violation;
import dev.fakesmtp.internal.RuleRunner;
import dev.fakesmtp.internal.Session;
import dev.fakesmtp.internal.rules.RuleEvent;
import dev.fakesmtp.internal.rules.RuleImpl;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * The end of a message (DATA's dot or BDAT LAST), the same for both: the conformance checks,
 * then the rules, then capture and 250.
 */
final class EndOfData {

    private EndOfData() {
    }

    /**
     * Captures {@code content} and answers 250, unless an end-of-data rule intercepts: then the
     * rule answers and nothing is captured (RFC 5321 §4.1.1.4: no 250, no delivery), or, for an
     * {@code afterCapture()} rule, the message is captured first and the rule answers anyway.
     *
     * @param earlier a refusal already decided while the message arrived, or null; it wins
     */
    static void finish(Session session, byte[] content, String okText, SmtpReply earlier) throws IOException {
        SmtpReply checked = conformance(session, content);
        SmtpReply refusal = earlier != null ? earlier : checked;
        if (refusal != null) {
            session.endTransaction();
            session.reply(refusal);
            return;
        }
        ReceivedMail mail = session.prepareMail(content);
        RuleEvent event = RuleEvent.endOfData(session.transaction().mailFrom(), mail);
        RuleImpl rule = session.rules().firing(event);
        String capturedId = null;
        if (rule != null) {
            if (rule.effect().afterCapture()) {
                capturedId = session.deliver(mail);
                session.record().line(Direction.NOTE, "(message captured as " + capturedId + ")", rule.description());
            }
            if (RuleRunner.apply(session, rule, event)) {
                if (session.transaction() != null) {
                    session.endTransaction();
                }
                return;
            }
        }
        String id = capturedId != null ? capturedId : session.deliver(mail);
        session.reply(SmtpReply.of(250, "2.0.0", okText + id));
    }

    /**
     * The content rules, the declared SIZE and the header fields: every violation is recorded;
     * the first one's refusal is returned when the server is strict (a missing Message-ID, a
     * SHOULD of RFC 5322 §3.6.4, only with {@code requireMessageId()}), else null.
     */
    private static SmtpReply conformance(Session session, byte[] content) {
        SmtpReply refusal = ContentCheck.check(session, content);
        String declared = session.transaction().mailParameters().get("SIZE");
        // SIZE is at most maxMessageSize here: MAIL refused larger values with 552.
        if (declared != null && Long.parseLong(declared) < content.length
                && session.violation(Violation.Type.SIZE_EXCEEDED_DECLARED,
                "MAIL declared SIZE=" + declared + " but sent " + content.length + " octets") && refusal == null) {
            refusal = SmtpReply.of(552, "5.3.4", "Message larger than the SIZE its MAIL command declared");
        }
        Set<String> headers = HeaderNames.of(content);
        for (String required : new String[] {"Date", "From", "Message-ID"}) {
            if (headers.contains(required.toLowerCase(Locale.ROOT))) {
                continue;
            }
            boolean strict = session.violation(Violation.Type.MISSING_HEADER, "The message has no " + required + " header");
            // Date and From are MUSTs (RFC 5322 §3.6); Message-ID is a SHOULD (§3.6.4) that a
            // submission server may fill in (RFC 6409 §8.3): refused only when the user asks.
            boolean refuse = required.equals("Message-ID") ? session.settings().requireMessageId() : strict;
            if (refuse && refusal == null) {
                refusal = SmtpReply.of(550, "5.6.0", "Message refused: no " + required + " header (RFC 5322 section 3.6)");
            }
        }
        return refusal;
    }
}
