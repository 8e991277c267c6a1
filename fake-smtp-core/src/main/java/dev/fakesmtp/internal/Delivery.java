package dev.fakesmtp.internal;

import dev.fakesmtp.Envelope;
import dev.fakesmtp.ReceivedMail;
import java.time.Instant;

/** Turns a session's finished transactions into captured mail and hands them to the mailbox. */
final class Delivery {

    private final MailboxImpl mailbox;
    private final SessionRecord record;
    private int delivered;
    private int queueIds;

    Delivery(MailboxImpl mailbox, SessionRecord record) {
        this.mailbox = mailbox;
        this.record = record;
    }

    /** The message of the session's open transaction, with its envelope; not captured yet. */
    ReceivedMail prepare(Session session, String heloName, byte[] content) {
        Transaction transaction = session.transaction();
        Envelope.Builder envelope = Envelope.builder()
                .heloName(heloName == null ? "" : heloName)
                .mailFrom(transaction.mailFrom())
                .mailParameters(transaction.mailParameters())
                .clientAddress(record.clientAddress())
                .sessionId(record.id())
                .transactionIndex(delivered + 1)
                .receivedAt(Instant.now())
                .tls(session.tls())
                .authentication(session.authentication());
        transaction.recipients().forEach(envelope::addRecipient);
        return new ReceivedMail(envelope.build(), content);
    }

    /** Captures the message: in the mailbox (and seen by listeners) before this returns. */
    void deliver(ReceivedMail mail) {
        delivered++;
        mailbox.add(mail);
        record.messageDelivered();
    }

    /** The id for the next 250 "queued as" reply. */
    String nextQueueId() {
        return record.id() + "." + (++queueIds);
    }
}
