package dev.fakesmtp.internal.command;

import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.Violation;
import dev.fakesmtp.internal.Session;
import dev.fakesmtp.internal.SessionState;
import dev.fakesmtp.internal.Verb;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which verbs each state allows (RFC 5321 §4.1.4 and RFC 3030), and the reply for a verb sent
 * out of order. One table instead of state checks scattered through the handlers.
 */
final class StateTable {

    private static final Map<Verb, Set<SessionState>> ALLOWED = new EnumMap<>(Verb.class);
    /**
     * The verbs of SMTP extensions: a client learns of them only from the EHLO reply (RFC 5321
     * §2.2.1), so after HELO, or before either, they are out of sequence, as MAIL parameters
     * are (RFC 3030 §2, RFC 4954 §4, RFC 3207 §4).
     */
    private static final Set<Verb> EXTENSION_VERBS = EnumSet.of(Verb.BDAT, Verb.AUTH, Verb.STARTTLS);

    static {
        Set<SessionState> anywhere = EnumSet.allOf(SessionState.class);
        for (Verb verb : new Verb[] {Verb.HELO, Verb.EHLO, Verb.RSET, Verb.NOOP, Verb.QUIT, Verb.HELP, Verb.VRFY, Verb.EXPN}) {
            ALLOWED.put(verb, anywhere);
        }
        ALLOWED.put(Verb.MAIL, EnumSet.of(SessionState.READY));
        ALLOWED.put(Verb.RCPT, EnumSet.of(SessionState.MAIL, SessionState.RCPT));
        ALLOWED.put(Verb.DATA, EnumSet.of(SessionState.RCPT));
        ALLOWED.put(Verb.BDAT, EnumSet.of(SessionState.RCPT, SessionState.CHUNKING));
        // RFC 3207 §4 and RFC 4954 §4: neither inside a mail transaction; AUTH needs EHLO first.
        ALLOWED.put(Verb.STARTTLS, EnumSet.of(SessionState.CONNECTED, SessionState.READY));
        ALLOWED.put(Verb.AUTH, EnumSet.of(SessionState.READY));
    }

    private StateTable() {
    }

    /** Null when {@code verb} is allowed now; otherwise the reply that refuses it. */
    static SmtpReply refusal(Verb verb, Session session) {
        SessionState state = session.state();
        boolean needsEhlo = EXTENSION_VERBS.contains(verb) && !session.esmtp();
        if (ALLOWED.get(verb).contains(state) && !needsEhlo) {
            return null;
        }
        SmtpReply reply = needsEhlo ? outOfSequence(verb + " is an SMTP extension: send EHLO first"
                + (state == SessionState.CONNECTED ? "" : ", not HELO")) : switch (verb) {
            case MAIL -> state == SessionState.CONNECTED
                    ? outOfSequence("Send EHLO or HELO first")
                    : outOfSequence("Nested MAIL command: a transaction is already open");
            case RCPT -> state == SessionState.CHUNKING
                    ? outOfSequence("RCPT is not allowed after BDAT")
                    : outOfSequence("Need MAIL before RCPT");
            case DATA, BDAT -> dataRefusal(verb, session);
            case STARTTLS -> outOfSequence("STARTTLS is not allowed inside a mail transaction");
            case AUTH -> outOfSequence("AUTH is not allowed inside a mail transaction");
            default -> outOfSequence("Command not allowed now");
        };
        if (reply.code() == 503) {
            session.record().violation(Violation.Type.COMMAND_OUT_OF_SEQUENCE,
                    verb + " in state " + state + ": " + reply.lines().get(0));
        }
        return reply;
    }

    private static SmtpReply dataRefusal(Verb verb, Session session) {
        return switch (session.state()) {
            case CONNECTED, READY -> outOfSequence("Need MAIL before " + verb);
            case MAIL -> session.transaction().rejectedRecipients() > 0
                    ? SmtpReply.of(554, "5.5.1", "No valid recipients")
                    : outOfSequence("Need RCPT before " + verb);
            case CHUNKING -> outOfSequence("DATA is not allowed after BDAT in the same transaction");
            default -> outOfSequence("Command not allowed now");
        };
    }

    private static SmtpReply outOfSequence(String text) {
        return SmtpReply.of(503, "5.5.1", "Bad sequence of commands: " + text);
    }
}
