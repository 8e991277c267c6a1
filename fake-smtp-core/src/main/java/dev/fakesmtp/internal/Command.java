package dev.fakesmtp.internal;

import java.util.Optional;

/**
 * One command line split at its first space: the name as sent, the verb it names (if known)
 * and the rest of the line.
 *
 * @param name the first token as the client sent it
 * @param verb the verb, empty for an unknown command
 * @param argument everything after the first space, {@code ""} when there is nothing
 * @param line the whole line as sent, for the transcript and error messages
 * @param malformedUtf8 true when the line had octets that are not UTF-8 (shown as {@code \xHH}, see {@link Utf8})
 */
public record Command(String name, Optional<Verb> verb, String argument, String line, boolean malformedUtf8) {

    /**
     * Parses a command line (already without CRLF); dispatch is on the first token, any case.
     *
     * @param line the line without CRLF
     * @return the command, not flagged as malformed UTF-8
     */
    public static Command parse(String line) {
        return parse(line, false);
    }

    /**
     * Parses a command line decoded by {@link Utf8#decode}.
     *
     * @param line the line without CRLF
     * @param malformedUtf8 whether the octets it was decoded from were not all UTF-8
     * @return the command
     */
    public static Command parse(String line, boolean malformedUtf8) {
        int space = line.indexOf(' ');
        String name = space < 0 ? line : line.substring(0, space);
        String argument = space < 0 ? "" : line.substring(space + 1).strip();
        return new Command(name, Verb.parse(name), argument, line, malformedUtf8);
    }

    /**
     * The line, through {@link Redaction}: an AUTH command's credentials never show.
     *
     * @return the redacted line, for logs and messages
     */
    @Override
    public String toString() {
        return "Command[" + Redaction.commandLine(line) + "]";
    }

    /**
     * True when the command has an argument.
     *
     * @return whether anything follows the command name
     */
    public boolean hasArgument() {
        return !argument.isEmpty();
    }
}
