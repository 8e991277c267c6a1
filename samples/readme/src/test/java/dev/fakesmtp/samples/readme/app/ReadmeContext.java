package dev.fakesmtp.samples.readme.app;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import jakarta.mail.internet.MimeMessage;

/**
 * What the README's statement and member snippets take as given: a server, its mailbox and a
 * message to send. A snippet that declares its own {@code smtp} hides this one.
 */
public class ReadmeContext {
    protected static FakeSmtpServer smtp;
    protected static Mailbox mailbox;
    protected static MimeMessage message;
}
