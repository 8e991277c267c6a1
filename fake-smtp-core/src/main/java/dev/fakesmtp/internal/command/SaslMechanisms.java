package dev.fakesmtp.internal.command;

import dev.fakesmtp.AuthMechanism;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/** The client's side of each mechanism, read off the wire into {@link Credentials}. */
final class SaslMechanisms {

    private SaslMechanisms() {
    }

    /**
     * What a client presented.
     *
     * @param user the authentication identity
     * @param secret the password or token; null for CRAM-MD5
     * @param challenge the CRAM-MD5 challenge, else null
     * @param digest the CRAM-MD5 answer (hex HMAC-MD5), else null
     */
    record Credentials(AuthMechanism mechanism, String user, String secret, String challenge, String digest) {
    }

    /** Runs the exchange of {@code mechanism}; {@code initial} is the initial response or null. */
    static Credentials read(AuthMechanism mechanism, SaslExchange exchange, String initial, String hostname)
            throws IOException, CommandRejected {
        return switch (mechanism) {
            case PLAIN -> plain(initial != null ? SaslExchange.decode(initial) : exchange.challenge(""));
            case LOGIN -> login(exchange, initial);
            case CRAM_MD5 -> cramMd5(exchange, initial, hostname);
            case XOAUTH2 -> xoauth2(initial != null ? SaslExchange.decode(initial) : exchange.challenge(""));
        };
    }

    /** RFC 4616: {@code [authzid] NUL authcid NUL passwd}. */
    private static Credentials plain(byte[] response) throws CommandRejected {
        String[] parts = new String(response, StandardCharsets.UTF_8).split("\0", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            throw new CommandRejected(501, "5.5.2", "Malformed PLAIN response (authzid NUL user NUL password)");
        }
        return new Credentials(AuthMechanism.PLAIN, parts[1], parts[2], null, null);
    }

    private static Credentials login(SaslExchange exchange, String initial) throws IOException, CommandRejected {
        byte[] user = initial != null ? SaslExchange.decode(initial) : exchange.challengeText("Username:");
        if (user.length == 0) {
            throw new CommandRejected(501, "5.5.2", "Malformed LOGIN response: the user name is empty");
        }
        byte[] password = exchange.challengeText("Password:");
        return new Credentials(AuthMechanism.LOGIN, new String(user, StandardCharsets.UTF_8),
                new String(password, StandardCharsets.UTF_8), null, null);
    }

    /** RFC 2195: the client answers {@code user SP hex(HMAC-MD5(password, challenge))}. */
    private static Credentials cramMd5(SaslExchange exchange, String initial, String hostname)
            throws IOException, CommandRejected {
        if (initial != null) {
            throw new CommandRejected(501, "5.5.2", "CRAM-MD5 takes no initial response");
        }
        String challenge = "<" + ThreadLocalRandom.current().nextLong(1L << 40) + "." + System.currentTimeMillis()
                + "@" + hostname + ">";
        String answer = new String(exchange.challengeText(challenge), StandardCharsets.UTF_8);
        int space = answer.lastIndexOf(' ');
        if (space <= 0 || !answer.substring(space + 1).matches("[0-9a-fA-F]{32}")) {
            throw new CommandRejected(501, "5.5.2", "Malformed CRAM-MD5 response (user SP 32 hex digits)");
        }
        return new Credentials(AuthMechanism.CRAM_MD5, answer.substring(0, space), null, challenge,
                answer.substring(space + 1).toLowerCase(java.util.Locale.ROOT));
    }

    /** {@code user=<user> ^A auth=Bearer <token> ^A ^A}, as Google and Microsoft define it. */
    private static Credentials xoauth2(byte[] response) throws CommandRejected {
        String user = null;
        String token = null;
        for (String field : new String(response, StandardCharsets.UTF_8).split("\u0001")) {
            if (field.startsWith("user=")) {
                user = field.substring(5);
            } else if (field.regionMatches(true, 0, "auth=Bearer ", 0, 12)) {
                token = field.substring(12);
            }
        }
        if (user == null || user.isEmpty() || token == null) {
            throw new CommandRejected(501, "5.5.2", "Malformed XOAUTH2 response (user=...^Aauth=Bearer ...^A^A)");
        }
        return new Credentials(AuthMechanism.XOAUTH2, user, token, null, null);
    }
}
