package dev.fakesmtp.internal;

import dev.fakesmtp.AuthMechanism;
import java.nio.charset.StandardCharsets;

/**
 * The one step that every AUTH command line and every SASL response passes through before it
 * can reach a transcript line, a violation detail, a reply, a log line or an exception message:
 * transcripts and violations end up in assertion failures and CI logs, and base64 is no
 * protection. What is kept is what a reader needs: the verb, a known mechanism and the size.
 */
public final class Redaction {

    private static final String VERB = "AUTH";

    private Redaction() {
    }

    /**
     * A client's command line as it may be shown: unchanged unless it is an AUTH command, however
     * written (any case, leading blanks, words separated by SP, HT, CR or other control bytes);
     * then {@code AUTH}, the mechanism if it is one we know, and the size of the rest.
     */
    public static String commandLine(String line) {
        if (!isAuthCommand(line)) {
            return line;
        }
        StringBuilder shown = new StringBuilder(VERB);
        int restStart = skipSeparators(line, skipSeparators(line, 0) + VERB.length());
        int mechanismEnd = wordEnd(line, restStart);
        AuthMechanism mechanism = AuthMechanism.fromKeyword(line.substring(restStart, mechanismEnd));
        if (mechanism != null) {
            // Only a mechanism we know is shown: a client that left it out sent its secret in its place.
            shown.append(' ').append(mechanism.keyword());
            restStart = skipSeparators(line, mechanismEnd);
        }
        if (restStart < line.length()) {
            shown.append(' ').append(hidden(line.substring(restStart)));
        }
        return shown.toString();
    }

    /** True when {@link #commandLine} would redact {@code line}: it is an AUTH command. */
    public static boolean isAuthCommand(String line) {
        int verbStart = skipSeparators(line, 0);
        return wordEnd(line, verbStart) - verbStart == VERB.length()
                && line.regionMatches(true, verbStart, VERB, 0, VERB.length());
    }

    /** A SASL response as it may be shown: {@code *} (the client cancels) or its size only. */
    public static String saslResponse(String response) {
        return response.equals("*") ? response : hidden(response);
    }

    /** The placeholder for a secret of {@code octets} octets. */
    public static String hidden(int octets) {
        return "<credentials hidden, " + octets + " octets>";
    }

    private static String hidden(String secret) {
        return hidden(secret.getBytes(StandardCharsets.UTF_8).length);
    }

    private static boolean isSeparator(char c) {
        return c <= ' ' || c == 0x7F;
    }

    private static int skipSeparators(String line, int from) {
        int i = from;
        while (i < line.length() && isSeparator(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int wordEnd(String line, int from) {
        int i = from;
        while (i < line.length() && !isSeparator(line.charAt(i))) {
            i++;
        }
        return i;
    }
}
