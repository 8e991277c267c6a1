package dev.fakesmtp.internal.command;

import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.internal.Command;
import dev.fakesmtp.internal.Session;
import java.io.IOException;

/**
 * STARTTLS (RFC 3207): 220, then the handshake on the same connection; afterwards the client
 * starts over with EHLO. A failed handshake ends this connection only.
 */
final class StarttlsHandler implements CommandHandler {

    /** Whether EHLO lists STARTTLS: enabled, on a plain port, not yet in TLS. */
    static boolean offered(Session session) {
        return session.settings().tls().startTls() && session.tls() == null;
    }

    @Override
    public void handle(Session session, Command command) throws IOException {
        if (command.hasArgument()) {
            session.reply(SmtpReply.of(501, "5.5.4", "Syntax: STARTTLS takes no arguments"));
            return;
        }
        if (session.tls() != null) {
            session.reply(SmtpReply.of(503, "5.5.1", "Bad sequence of commands: TLS is already active"));
            return;
        }
        if (!session.settings().tls().startTls()) {
            session.reply(SmtpReply.of(502, "5.5.1", "STARTTLS is not offered by this server"));
            return;
        }
        session.reply(SmtpReply.of(220, "2.0.0", "Ready to start TLS"));
        session.startTls();
    }
}
