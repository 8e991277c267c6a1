package dev.fakesmtp.model;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a run of generated dialogues reached: how often each reply code came and how many
 * messages were captured. The test checks that the dialogues got somewhere (messages captured,
 * by DATA and by BDAT, refused and accepted), so a generator that degenerated into dialogues
 * that never pass MAIL fails loudly instead of passing on nothing.
 */
final class Tally {

    private final Map<String, LongAdder> counts = new ConcurrentSkipListMap<>();

    void count(String what) {
        counts.computeIfAbsent(what, key -> new LongAdder()).increment();
    }

    long of(String what) {
        LongAdder count = counts.get(what);
        return count == null ? 0 : count.sum();
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
