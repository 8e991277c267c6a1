package dev.fakesmtp.internal;

import java.util.Locale;
import java.util.Optional;

/** The SMTP commands the server knows. */
public enum Verb {
    HELO, EHLO, MAIL, RCPT, DATA, BDAT, RSET, VRFY, EXPN, HELP, NOOP, QUIT, STARTTLS, AUTH;

    private static final Verb[] ALL = values();

    /** The verb for a command name in any case, empty when it is not one we know. */
    public static Optional<Verb> parse(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) {
                return Optional.empty(); // "quıt" must not become QUIT by Unicode case mapping
            }
        }
        String upper = name.toUpperCase(Locale.ROOT);
        for (Verb verb : ALL) {
            if (verb.name().equals(upper)) {
                return Optional.of(verb);
            }
        }
        return Optional.empty();
    }
}
