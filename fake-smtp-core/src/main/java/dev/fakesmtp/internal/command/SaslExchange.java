package dev.fakesmtp.internal.command;

import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.TranscriptLine.Direction;
import dev.fakesmtp.Violation;
import dev.fakesmtp.internal.Redaction;
import dev.fakesmtp.internal.Session;
import dev.fakesmtp.internal.SmtpInput.CommandLine;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** One AUTH dialogue: 334 challenges out, base64 responses in (RFC 4954 §4). */
final class SaslExchange {

    /** RFC 4954 §4: a response line may be up to 12,288 octets. */
    private static final int RESPONSE_LIMIT = 12_288;

    private final Session session;

    SaslExchange(Session session) {
        this.session = session;
    }

    /**
     * Sends {@code 334 <challenge>} (already base64, may be empty) and returns the decoded answer.
     * The response is a line like any other, so it must end in CRLF; only its size is ever shown.
     *
     * @throws CommandRejected 501 when the client cancels with "*" or sends bad base64; 500 for a
     *         line that is too long, or (strict) ends in a bare LF or holds a bare CR
     */
    byte[] challenge(String base64Challenge) throws IOException, CommandRejected {
        session.reply(SmtpReply.of(334, "", base64Challenge));
        session.flush();
        CommandLine line = session.input().readLine(RESPONSE_LIMIT);
        if (line == null) {
            throw new EOFException("The client closed the connection during AUTH");
        }
        String text = new String(line.bytes(), StandardCharsets.UTF_8);
        String shown = Redaction.saslResponse(text);
        session.record().line(Direction.CLIENT, shown);
        if (line.tooLong()) {
            throw new CommandRejected(500, "5.5.6", "Authentication response too long");
        }
        if (line.bareLf() && session.violation(Violation.Type.BARE_LF,
                "Authentication response ended in a bare LF: " + shown)) {
            throw new CommandRejected(500, "5.5.2", "Syntax error: end the authentication response with CRLF");
        }
        if (text.indexOf('\r') >= 0) {
            if (session.violation(Violation.Type.BARE_CR, "Authentication response has a bare CR: " + shown)) {
                throw new CommandRejected(500, "5.5.2", "Syntax error: a bare CR inside the authentication response");
            }
            text = text.replace("\r", ""); // leniently, as if the client had not sent it
        }
        if (text.equals("*")) {
            throw new CommandRejected(501, "5.0.0", "Authentication cancelled");
        }
        return decode(text);
    }

    /** Sends a challenge given as text. */
    byte[] challengeText(String challenge) throws IOException, CommandRejected {
        return challenge(encode(challenge));
    }

    /** Decodes a response; {@code "="} is the empty initial response (RFC 4954 §4). */
    static byte[] decode(String base64) throws CommandRejected {
        if (base64.equals("=")) {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new CommandRejected(501, "5.5.2", "Invalid base64 data");
        }
    }

    static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
