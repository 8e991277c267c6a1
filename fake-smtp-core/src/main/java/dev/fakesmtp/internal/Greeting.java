package dev.fakesmtp.internal;

import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.Violation;
import dev.fakesmtp.internal.rules.Effect;
import dev.fakesmtp.internal.rules.RuleEvent;
import dev.fakesmtp.internal.rules.RuleImpl;
import java.io.IOException;

/**
 * The start of a session: connect rules, the implicit-TLS handshake, the early-talker check
 * and the 220 greeting (or whatever a rule answers instead). The check looks at the input
 * right before the greeting is written, after any delay a rule adds.
 */
final class Greeting {

    private Greeting() {
    }

    /** Greets the client; false when the session already ended (a rule broke the handshake). */
    static boolean greet(Session session, boolean implicitTls) throws IOException {
        RuleEvent connect = RuleEvent.connect();
        RuleImpl rule;
        if (implicitTls) {
            // Only a rule that fails the handshake acts before it. Every other connect rule is
            // claimed after it, where the dialogue starts: a client that never completes a
            // handshake uses none of them up.
            RuleImpl failing = session.rules().firing(connect, Greeting::failsHandshake);
            if (failing != null) {
                RuleRunner.failTlsHandshake(session, failing.description(), false);
                return false;
            }
            session.useImplicitTls();
            rule = session.rules().firing(connect, candidate -> !failsHandshake(candidate));
        } else {
            rule = session.rules().firing(connect);
            session.usePlainStreams();
        }
        // A delay rule pauses here: the early-talker check must come after it, or a client
        // that talks during the delay passes for a patient one.
        boolean answered = rule != null && RuleRunner.apply(session, rule, connect);
        // RFC 5321 §4.3.1: a client must wait for the greeting; TLS clients speak first by design.
        if (!implicitTls && session.clientSentEarly()
                && session.violation(Violation.Type.COMMAND_BEFORE_GREETING, "The client sent before the 220 greeting")) {
            if (!answered) {
                session.queue(SmtpReply.of(554, "5.5.0", "Protocol violation: sent before the greeting"));
            }
            // Strict: the connection ends; a rule's scripted answer, already queued, is what the client gets.
            session.closeAfterReplies(SessionEnd.TOO_MANY_ERRORS);
        } else if (!answered) {
            session.queue(SmtpReply.of(220, "", session.settings().hostname() + " ESMTP fake-smtp ready"));
        }
        // Written right after the check, so what it saw is what the client sent before the greeting.
        session.flush();
        return true;
    }

    private static boolean failsHandshake(RuleImpl rule) {
        return rule.effect().kind() == Effect.Kind.FAIL_TLS_HANDSHAKE;
    }
}
