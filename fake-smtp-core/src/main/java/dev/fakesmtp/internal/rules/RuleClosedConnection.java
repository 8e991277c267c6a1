package dev.fakesmtp.internal.rules;

import java.io.IOException;

/** Thrown after a rule closed or reset the connection, to unwind the session thread. */
public final class RuleClosedConnection extends IOException {

    private static final long serialVersionUID = 1L;

    /** Names the rule that closed the connection. */
    public RuleClosedConnection(String rule) {
        super("Connection closed by " + rule);
    }
}
