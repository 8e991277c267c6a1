package dev.fakesmtp.internal;

import dev.fakesmtp.Mailbox;
import dev.fakesmtp.MailboxTimeoutError;
import dev.fakesmtp.ReceivedMail;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The server's {@link Mailbox}: a list under a lock, and a condition that awaits wait on. */
public final class MailboxImpl implements Mailbox {

    private static final System.Logger LOG = System.getLogger(MailboxImpl.class.getName());
    /** A timeout error lists the first messages that arrived, then the dialogue: this many at most. */
    private static final int LISTED = 25;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<ReceivedMail> messages = new ArrayList<>();
    /** How many messages clear() forgot in all, so a waiter can tell new messages from seen ones. */
    private long cleared;
    private final List<Consumer<? super ReceivedMail>> listeners = new CopyOnWriteArrayList<>();
    private final Supplier<String> diagnostics;

    /** A mailbox whose timeout errors end with {@code diagnostics} (e.g. the last transcript). */
    public MailboxImpl(Supplier<String> diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Adds a completed transaction's message, wakes the waiters and tells the listeners. */
    public void add(ReceivedMail mail) {
        lock.lock();
        try {
            messages.add(mail);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        for (Consumer<? super ReceivedMail> listener : listeners) {
            try {
                listener.accept(mail);
            } catch (RuntimeException | AssertionError e) {
                // An assertThat in a listener must not cost the client its 250 (it would resend).
                LOG.log(System.Logger.Level.WARNING, "A mailbox listener threw; the message is captured anyway", e);
            }
        }
    }

    @Override
    public List<ReceivedMail> messages() {
        lock.lock();
        try {
            return List.copyOf(messages);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<ReceivedMail> messagesTo(String recipient) {
        Objects.requireNonNull(recipient, "recipient");
        return messages(mail -> mail.envelope().recipients().stream().anyMatch(recipient::equalsIgnoreCase));
    }

    @Override
    public List<ReceivedMail> messages(Predicate<? super ReceivedMail> condition) {
        Objects.requireNonNull(condition, "condition");
        return messages().stream().filter(condition).toList();
    }

    @Override
    public int size() {
        lock.lock();
        try {
            return messages.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void clear() {
        lock.lock();
        try {
            cleared += messages.size();
            messages.clear();
        } finally {
            lock.unlock();
        }
    }

    /** What the server's reset() does to the mailbox: forgets the messages and removes every listener. */
    public void reset() {
        listeners.clear();
        clear();
    }

    @Override
    public List<ReceivedMail> awaitMessages(int count, Duration timeout) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        List<ReceivedMail> all = awaitUntil(snapshot -> snapshot.size() >= count, timeout);
        if (all == null) {
            throw timeout("Expected at least " + count + " message" + (count == 1 ? "" : "s"), timeout);
        }
        return all;
    }

    /**
     * The user's condition runs outside the lock (it may be slow, and every delivery needs the
     * lock), once per message: each round takes only the messages that arrived since the last.
     */
    @Override
    public ReceivedMail awaitMessage(Predicate<? super ReceivedMail> condition, Duration timeout) {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(timeout, "timeout");
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen = 0; // messages ever added that the condition was asked about, cleared ones included
        while (true) {
            List<ReceivedMail> candidates;
            lock.lock();
            try {
                while (cleared + messages.size() <= seen) {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) {
                        break;
                    }
                    arrived.awaitNanos(remaining);
                }
                int firstNew = (int) Math.max(0, seen - cleared);
                candidates = firstNew >= messages.size() ? List.of()
                        : List.copyOf(messages.subList(firstNew, messages.size()));
                seen = cleared + messages.size();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for mail", e);
            } finally {
                lock.unlock();
            }
            for (ReceivedMail mail : candidates) {
                if (condition.test(mail)) {
                    return mail;
                }
            }
            if (candidates.isEmpty() && deadline - System.nanoTime() <= 0) {
                throw timeout("Expected a message matching the condition", timeout);
            }
        }
    }

    @Override
    public Subscription onMessage(Consumer<? super ReceivedMail> listener) {
        Objects.requireNonNull(listener, "listener");
        // A wrapper so the same listener registered twice is removed one registration at a time.
        Consumer<ReceivedMail> registration = listener::accept;
        listeners.add(registration);
        return () -> listeners.remove(registration);
    }

    /** Waits until {@code done} holds for the list; returns a snapshot, or null on timeout. */
    private List<ReceivedMail> awaitUntil(Predicate<List<ReceivedMail>> done, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (!done.test(messages)) {
                if (remaining <= 0) {
                    return null;
                }
                remaining = arrived.awaitNanos(remaining);
            }
            return List.copyOf(messages);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for mail", e);
        } finally {
            lock.unlock();
        }
    }

    private MailboxTimeoutError timeout(String expectation, Duration timeout) {
        List<ReceivedMail> arrivedMail = messages();
        StringBuilder message = new StringBuilder(expectation).append(" within ").append(timeout)
                .append(", but ").append(arrivedMail.isEmpty() ? "none" : String.valueOf(arrivedMail.size()))
                .append(" arrived").append(arrivedMail.isEmpty() ? "." : ":");
        int shown = Math.min(arrivedMail.size(), LISTED);
        for (int index = 0; index < shown; index++) {
            message.append("\n  ").append(index + 1).append(". ").append(MailSummary.of(arrivedMail.get(index)));
        }
        if (arrivedMail.size() > shown) {
            message.append("\n  ... and ").append(arrivedMail.size() - shown).append(" more");
        }
        String details = diagnostics.get();
        if (!details.isEmpty()) {
            message.append("\n").append(details);
        }
        return new MailboxTimeoutError(message.toString());
    }
}
