package dev.fakesmtp.internal.rules;

/** Where in a session a rule is asked whether it fires. */
public enum Stage {
    /** A connection was accepted; nothing has been sent yet. */
    CONNECT,
    /** A command line was read; its handler has not run. */
    COMMAND,
    /** An AUTH exchange produced credentials; the verdict has not been sent. */
    AUTH_RESULT,
    /** A BDAT chunk was read off the stream; it has not been answered. */
    BDAT_CHUNK,
    /** The whole message was received; it is not captured yet. */
    END_OF_DATA
}
