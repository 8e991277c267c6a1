package dev.fakesmtp.samples.readme.app;

import dev.fakesmtp.FailureCase;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.samples.jakartamail.Notifier;
import jakarta.mail.internet.MimeMessage;

/**
 * What the README's statement and member snippets take as given: a server, its mailbox, a
 * message to send, and what the failure-matrix example names (recipients, a notifier). A
 * snippet that declares its own {@code smtp} hides this one.
 */
public class ReadmeContext {
    protected static FakeSmtpServer smtp;
    protected static Mailbox mailbox;
    protected static MimeMessage message;
    protected static final String ALICE = "alice@example.com";
    protected static final String BOB = "bob@example.com";

    /** The failure-matrix example's notifier, as the plain Jakarta Mail sample builds it per case. */
    protected Notifier notifier(FailureCase failure) {
        throw new UnsupportedOperationException("the README's snippets are compiled, not run");
    }
}
