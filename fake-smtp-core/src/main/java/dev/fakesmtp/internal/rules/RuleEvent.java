package dev.fakesmtp.internal.rules;

import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.internal.Redaction;

/**
 * What a rule's trigger looks at.
 *
 * @param stage where the session is
 * @param verb the command verb in upper case ({@code ""} at CONNECT and END_OF_DATA)
 * @param argument the command's argument ({@code ""} when none)
 * @param address the address in angle brackets of a MAIL or RCPT argument, else null
 * @param sender the open transaction's reverse-path, else null
 * @param user the AUTH identity at AUTH_RESULT, else null
 * @param mail the message at END_OF_DATA, else null
 * @param recipients how many recipients the open transaction has accepted (0 without one)
 */
public record RuleEvent(Stage stage, String verb, String argument, String address, String sender, String user,
                        ReceivedMail mail, int recipients) {

    /** A connection event. */
    public static RuleEvent connect() {
        return new RuleEvent(Stage.CONNECT, "", "", null, null, null, null, 0);
    }

    /** A command event; the bracketed address is pulled out leniently for MAIL and RCPT triggers. */
    public static RuleEvent command(String verb, String argument, String sender, int recipients) {
        return new RuleEvent(Stage.COMMAND, verb, argument, bracketed(argument), sender, null, null, recipients);
    }

    /** The end of a message. */
    public static RuleEvent endOfData(String sender, ReceivedMail mail) {
        return new RuleEvent(Stage.END_OF_DATA, "", "", null, sender, null, mail, 0);
    }

    /** A BDAT chunk. */
    public static RuleEvent bdatChunk(String argument, String sender) {
        return new RuleEvent(Stage.BDAT_CHUNK, "BDAT", argument, null, sender, null, null, 0);
    }

    /** The credentials of an AUTH exchange. */
    public static RuleEvent authResult(String mechanism, String user) {
        return new RuleEvent(Stage.AUTH_RESULT, "AUTH", mechanism, null, null, user, null, 0);
    }

    /** Never shows an AUTH command's credentials (see {@link Redaction}). */
    @Override
    public String toString() {
        return "RuleEvent[" + stage + " " + Redaction.commandLine((verb + " " + argument).strip())
                + (sender == null ? "" : ", sender <" + sender + ">") + (user == null ? "" : ", user " + user) + "]";
    }

    private static String bracketed(String argument) {
        int open = argument.indexOf('<');
        int close = argument.indexOf('>', open + 1);
        return open >= 0 && close > open ? argument.substring(open + 1, close) : null;
    }
}
