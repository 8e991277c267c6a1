package dev.fakesmtp;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Every message a server captured, one {@link ReceivedMail} per completed transaction (never
 * one per recipient), in arrival order. Thread-safe; every list it returns is an immutable
 * snapshot. A message is in the mailbox before the client gets the final 250.
 *
 * <pre>{@code
 * List<ReceivedMail> mails = smtp.mailbox().awaitMessages(2, Duration.ofSeconds(5));
 * }</pre>
 */
public interface Mailbox {

    /** {@return all captured messages, oldest first} */
    List<ReceivedMail> messages();

    /**
     * The messages whose envelope has this recipient (compared ignoring case).
     *
     * @param recipient the recipient address
     * @return the messages whose envelope has this recipient (compared ignoring case)
     */
    List<ReceivedMail> messagesTo(String recipient);

    /**
     * The messages that match a condition.
     *
     * @param condition the test a message must pass
     * @return the messages that match a condition
     */
    List<ReceivedMail> messages(Predicate<? super ReceivedMail> condition);

    /** {@return how many messages were captured} */
    int size();

    /** Forgets every captured message; listeners stay (the server's {@code reset()} removes them too). */
    void clear();

    /**
     * Waits until at least {@code count} messages were captured and returns them all.
     *
     * @param count how many messages to wait for
     * @param timeout how long to wait at most
     * @return every captured message, at least {@code count}, oldest first
     * @throws MailboxTimeoutError if fewer arrived within {@code timeout}; its message lists what did
     */
    List<ReceivedMail> awaitMessages(int count, Duration timeout);

    /**
     * Waits for a message that matches {@code condition} (one already captured counts) and
     * returns the first such message. The condition runs on the calling thread, once per message
     * and without holding up deliveries, so it may be slow (parse MIME) or change its mind.
     *
     * @param condition what the message must satisfy
     * @param timeout how long to wait at most
     * @return the first captured message the condition accepted
     * @throws MailboxTimeoutError if none arrived within {@code timeout}; its message lists what did
     */
    ReceivedMail awaitMessage(Predicate<? super ReceivedMail> condition, Duration timeout);

    /**
     * Calls {@code listener} for each message captured from now on, on the connection's thread,
     * before the client gets its 250, until the subscription is closed or the server is
     * {@linkplain FakeSmtpServer#reset() reset} (as a shared server is between tests). A listener
     * that throws is logged and does not affect the transaction.
     *
     * @param listener what to call with each new message
     * @return the registration, to remove the listener earlier
     */
    Subscription onMessage(Consumer<? super ReceivedMail> listener);

    /** A registered listener; {@link #close()} removes it. */
    interface Subscription extends AutoCloseable {
        /** Removes the listener; calling it again does nothing. */
        @Override
        void close();
    }
}
