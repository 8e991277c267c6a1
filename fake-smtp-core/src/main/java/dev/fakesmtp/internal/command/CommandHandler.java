package dev.fakesmtp.internal.command;

import dev.fakesmtp.internal.Command;
import dev.fakesmtp.internal.Session;
import java.io.IOException;

/** Answers one SMTP verb. Handlers are stateless; the dialogue state lives in the {@link Session}. */
interface CommandHandler {

    /** Handles a command whose verb this handler serves; the state table has already allowed it. */
    void handle(Session session, Command command) throws IOException;

    /**
     * True for a handler that must act even when the state table refuses its verb: BDAT has
     * to read its chunk off the stream whatever the answer.
     */
    default boolean checksStateItself() {
        return false;
    }
}
