package dev.fakesmtp.assertj;

import dev.fakesmtp.Envelope;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.Recipient;
import dev.fakesmtp.internal.MailboxImpl;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Captured messages and mailboxes for assertion tests, built without a server. */
final class Mails {

    private Mails() {
    }

    /** A text/plain message with matching envelope and headers, from session s1. */
    static ReceivedMail mail(String from, String to, String subject, String text) {
        return raw(from, to, Map.of(), "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + text + "\r\n");
    }

    /** A message with this envelope and exactly these bytes (as UTF-8). */
    static ReceivedMail raw(String from, String to, Map<String, String> mailParameters, String raw) {
        Envelope envelope = Envelope.builder().heloName("client.test").mailFrom(from).mailParameters(mailParameters)
                .addRecipient(Recipient.of(to)).sessionId("s1").build();
        return new ReceivedMail(envelope, raw.getBytes(StandardCharsets.UTF_8));
    }

    /** A mailbox that already holds these messages. */
    static Mailbox mailbox(ReceivedMail... messages) {
        MailboxImpl mailbox = new MailboxImpl(() -> "");
        for (ReceivedMail message : messages) {
            mailbox.add(message);
        }
        return mailbox;
    }
}
