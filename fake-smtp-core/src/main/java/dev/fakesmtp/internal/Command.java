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
 */
public record Command(String name, Optional<Verb> verb, String argument, String line) {

    /** Parses a command line (already without CRLF); dispatch is on the first token, any case. */
    public static Command parse(String line) {
        int space = line.indexOf(' ');
        String name = space < 0 ? line : line.substring(0, space);
        String argument = space < 0 ? "" : line.substring(space + 1).strip();
        return new Command(name, Verb.parse(name), argument, line);
    }

    /** The line, through {@link Redaction}: an AUTH command's credentials never show. */
    @Override
    public String toString() {
        return "Command[" + Redaction.commandLine(line) + "]";
    }

    /** True when the command has an argument. */
    public boolean hasArgument() {
        return !argument.isEmpty();
    }
}
