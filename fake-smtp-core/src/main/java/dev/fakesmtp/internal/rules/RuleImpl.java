package dev.fakesmtp.internal.rules;

import dev.fakesmtp.Rule;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A rule: trigger, count and effect, with atomic match and fire counters. It also knows when it
 * was removed, so that the delays and stalls it imposes end then instead of outliving it.
 */
public final class RuleImpl implements Rule {

    private final int id;
    private final String name;
    private final TriggerSpec trigger;
    private final Count count;
    private final Effect effect;
    private final RuleSet owner;
    private final AtomicLong matches = new AtomicLong();
    private final AtomicLong fired = new AtomicLong();
    private final CountDownLatch removed = new CountDownLatch(1);
    private final Set<Runnable> onRemoval = ConcurrentHashMap.newKeySet();

    RuleImpl(int id, String name, TriggerSpec trigger, Count count, Effect effect, RuleSet owner) {
        this.id = id;
        this.name = name;
        this.trigger = trigger;
        this.count = count;
        this.effect = effect;
        this.owner = owner;
    }

    /**
     * Claims this rule for one event: true when the trigger matches and the count lets this
     * match fire. Atomic: two connections can never both get a {@code once()} rule.
     */
    boolean claim(RuleEvent event) {
        if (!trigger.matches(event)) {
            return false;
        }
        if (count.fires(matches.incrementAndGet())) {
            fired.incrementAndGet();
            return true;
        }
        return false;
    }

    /**
     * What the rule does.
     *
     * @return the effect
     */
    public Effect effect() {
        return effect;
    }

    /**
     * Waits until the rule is removed or {@code wait} has passed.
     *
     * @param wait the longest wait
     * @return true when the rule was removed (the wait was cut short)
     * @throws InterruptedException if the thread was interrupted (the server is closing)
     */
    public boolean awaitRemoval(Duration wait) throws InterruptedException {
        return removed.await(wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Whether the rule was removed.
     *
     * @return true once {@link #remove()} or the server's reset removed it
     */
    public boolean isRemoved() {
        return removed.getCount() == 0;
    }

    /**
     * Runs {@code action} when the rule is removed (at once if it already was) until the returned
     * handle is closed: how a stall ends its connection with the rule.
     *
     * @param action what to do on removal, e.g. close the connection
     * @return the handle that forgets the action
     */
    public Hold whileInPlace(Runnable action) {
        onRemoval.add(action);
        if (isRemoved() && onRemoval.remove(action)) {
            action.run();
        }
        return () -> onRemoval.remove(action);
    }

    /** What {@link #whileInPlace} returns: closing it forgets the action. */
    public interface Hold extends AutoCloseable {
        /** Forgets the action; idempotent. */
        @Override
        void close();
    }

    /** Marks the rule removed and ends what waits on it. */
    void markRemoved() {
        removed.countDown();
        for (Runnable action : onRemoval) {
            if (onRemoval.remove(action)) {
                action.run();
            }
        }
    }

    @Override
    public int timesFired() {
        return (int) Math.min(Integer.MAX_VALUE, fired.get());
    }

    @Override
    public int timesMatched() {
        return (int) Math.min(Integer.MAX_VALUE, matches.get());
    }

    @Override
    public void remove() {
        owner.remove(this);
    }

    @Override
    public String description() {
        return "rule #" + id + (name == null ? "" : " (" + name + ")") + ": on " + trigger.description() + ", "
                + count.description() + ", " + effect.description();
    }

    @Override
    public String toString() {
        return description() + " (fired " + fired.get() + " of " + matches.get() + " matches)";
    }
}
