package dev.fakesmtp.internal.command;

import dev.fakesmtp.SmtpReply;

/** Thrown while validating a command to stop with the reply that refuses it. */
final class CommandRejected extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient SmtpReply reply;

    CommandRejected(int code, String enhancedCode, String text) {
        super(text, null, false, false); // control flow: no stack trace needed
        // The text may quote the client; a CR or LF from it must never break the reply's framing.
        this.reply = SmtpReply.of(code, enhancedCode, text.replace("\r", "<CR>").replace("\n", "<LF>"));
    }

    SmtpReply reply() {
        return reply;
    }
}
