package dev.fakesmtp.internal.command;

import dev.fakesmtp.AuthMechanism;
import dev.fakesmtp.Authentication;
import dev.fakesmtp.Extension;
import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.Violation;
import dev.fakesmtp.internal.Command;
import dev.fakesmtp.internal.RuleRunner;
import dev.fakesmtp.internal.rules.RuleEvent;
import dev.fakesmtp.internal.ServerSettings;
import dev.fakesmtp.internal.Session;
import dev.fakesmtp.internal.command.SaslMechanisms.Credentials;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * AUTH (RFC 4954): runs the mechanism's exchange, checks the credentials against the policy
 * and records who authenticated: 235 2.7.0 on success, 535 5.7.8 on failure.
 */
final class AuthHandler implements CommandHandler {

    /** Whether EHLO lists AUTH now. */
    static boolean offered(Session session) {
        ServerSettings settings = session.settings();
        return settings.advertises(Extension.AUTH) && !settings.auth().mechanisms().isEmpty()
                && (!settings.auth().onlyAfterTls() || session.tls() != null);
    }

    /** {@code AUTH PLAIN LOGIN ...} in a stable order. */
    static String keywordLine(ServerSettings settings) {
        return "AUTH " + Arrays.stream(AuthMechanism.values()).filter(settings.auth().mechanisms()::contains)
                .map(AuthMechanism::keyword).collect(Collectors.joining(" "));
    }

    @Override
    public void handle(Session session, Command command) throws IOException {
        ServerSettings settings = session.settings();
        if (!settings.advertises(Extension.AUTH) || settings.auth().mechanisms().isEmpty()) {
            session.reply(SmtpReply.of(502, "5.5.1", "AUTH is not offered by this server"));
            return;
        }
        if (session.authentication() != null) {
            session.reply(SmtpReply.of(503, "5.5.1", "Bad sequence of commands: already authenticated"));
            return;
        }
        String[] words = command.argument().split(" +");
        if (!command.hasArgument() || words.length > 2) {
            session.reply(SmtpReply.of(501, "5.5.4", "Syntax: AUTH <mechanism> [initial-response]"));
            return;
        }
        AuthMechanism mechanism = AuthMechanism.fromKeyword(words[0]);
        if (mechanism == null || !settings.auth().mechanisms().contains(mechanism)) {
            // Not echoed: a client that left the mechanism out sent its credentials in its place.
            session.reply(SmtpReply.of(504, "5.5.4", "Unrecognized authentication type; this server offers "
                    + keywordLine(settings).substring(5)));
            return;
        }
        if (session.tls() == null && settings.tls().startTls() && session.violation(Violation.Type.AUTH_WITHOUT_TLS,
                "AUTH " + mechanism.keyword() + " in clear text although STARTTLS was offered")) {
            session.reply(SmtpReply.of(538, "5.7.11", "Encryption required: use STARTTLS before AUTH"));
            return;
        }
        try {
            SaslExchange exchange = new SaslExchange(session);
            Credentials credentials = SaslMechanisms.read(mechanism, exchange, words.length == 2 ? words[1] : null,
                    settings.hostname());
            if (RuleRunner.intercept(session, RuleEvent.authResult(mechanism.keyword(), credentials.user()))) {
                return;
            }
            if (!CredentialCheck.accepts(settings.auth(), credentials)) {
                if (mechanism == AuthMechanism.XOAUTH2) {
                    // The XOAUTH2 error is a 334 with a JSON status; the client answers with an empty line.
                    exchange.challengeText("{\"status\":\"401\",\"schemes\":\"bearer\"}");
                }
                session.reply(SmtpReply.of(535, "5.7.8", "Authentication credentials invalid"));
                return;
            }
            session.authenticated(new Authentication(credentials.user(), mechanism, credentials.secret()));
            session.reply(SmtpReply.of(235, "2.7.0", "Authentication successful"));
        } catch (CommandRejected rejected) {
            session.reply(rejected.reply());
        }
    }
}
