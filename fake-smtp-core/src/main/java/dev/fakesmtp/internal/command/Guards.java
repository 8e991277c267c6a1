package dev.fakesmtp.internal.command;

import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.internal.Session;
import dev.fakesmtp.internal.Verb;
import java.util.EnumSet;
import java.util.Set;

/**
 * The TLS and AUTH requirements, checked before a verb's handler runs, so that the handlers
 * themselves know nothing about policies: {@code requireTls()} (RFC 3207 §4: 530 5.7.0),
 * {@code authOnlyAfterTls()} (RFC 4954 §6: 538 5.7.11) and {@code requireAuth()} (530 5.7.0).
 */
final class Guards {

    /** RFC 3207 §4: with TLS required, every command but these gets 530 before STARTTLS. */
    private static final Set<Verb> ALLOWED_IN_CLEAR = EnumSet.of(Verb.NOOP, Verb.EHLO, Verb.STARTTLS, Verb.QUIT);

    private Guards() {
    }

    /** Null when the policies let {@code verb} through now; otherwise the refusal. */
    static SmtpReply refusal(Verb verb, Session session) {
        boolean inTls = session.tls() != null;
        if (session.settings().tls().requireTls() && !inTls && !ALLOWED_IN_CLEAR.contains(verb)) {
            return SmtpReply.of(530, "5.7.0", "Must issue a STARTTLS command first");
        }
        if (verb == Verb.AUTH && session.settings().auth().onlyAfterTls() && !inTls) {
            return SmtpReply.of(538, "5.7.11", "Encryption required for requested authentication mechanism");
        }
        if (verb == Verb.MAIL && session.settings().auth().requireAuth() && session.authentication() == null) {
            return SmtpReply.of(530, "5.7.0", "Authentication required");
        }
        return null;
    }
}
