package dev.fakesmtp.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Shrinks a failing dialogue to one that is minimal: no step can be left out and no step made
 * simpler ({@link Step#simpler()}) without the dialogue passing; and the octets go unsegmented
 * when that fails too. Greedy, to a fixed point, within a bounded number of replays, so the
 * report shows the few commands that matter rather than the random ones around them.
 */
final class Shrinker {

    private static final int MAX_REPLAYS = 3000;

    /**
     * A dialogue, how its octets are cut, and why it fails.
     *
     * @param steps the steps
     * @param cuts the segment sizes
     * @param failure what the replay threw
     */
    record Failing(List<Step> steps, List<Integer> cuts, Throwable failure) {
    }

    private final Function<Failing, Throwable> replay;
    private int replays;

    /** {@code replay} plays a dialogue and returns what it threw, or null when it passed. */
    Shrinker(Function<Failing, Throwable> replay) {
        this.replay = replay;
    }

    Failing shrink(Failing failing) {
        Failing current = failing;
        boolean progress = true;
        while (progress && replays < MAX_REPLAYS) {
            progress = false;
            if (!current.cuts().isEmpty()) {
                Failing unsegmented = attempt(current.steps(), List.of());
                if (unsegmented != null) {
                    current = unsegmented;
                    progress = true;
                }
            }
            for (int i = current.steps().size() - 1; i >= 0; i--) {
                List<Step> fewer = new ArrayList<>(current.steps());
                fewer.remove(i);
                Failing shorter = attempt(fewer, current.cuts());
                if (shorter != null) {
                    current = shorter;
                    progress = true;
                }
            }
            for (int i = 0; i < current.steps().size(); i++) {
                for (Step simpler : current.steps().get(i).simpler()) {
                    List<Step> steps = new ArrayList<>(current.steps());
                    steps.set(i, simpler);
                    Failing plainer = attempt(steps, current.cuts());
                    if (plainer != null) {
                        current = plainer;
                        progress = true;
                        break;
                    }
                }
            }
        }
        return current;
    }

    int replays() {
        return replays;
    }

    private Failing attempt(List<Step> steps, List<Integer> cuts) {
        if (replays >= MAX_REPLAYS) {
            return null;
        }
        replays++;
        Throwable failure = replay.apply(new Failing(steps, cuts, null));
        return failure == null ? null : new Failing(List.copyOf(steps), cuts, failure);
    }

    /** The plain framing, then no pipelining, where the step has something else. */
    static void plainer(Framing framing, boolean pipelined, BiConsumer<Framing, Boolean> add) {
        if (framing != Framing.CRLF) {
            add.accept(Framing.CRLF, pipelined);
        }
        if (pipelined) {
            add.accept(framing, false);
        }
    }

    /** The list without one of its elements, for each element. */
    static <T> List<List<T>> fewer(List<T> list) {
        List<List<T>> fewer = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            List<T> copy = new ArrayList<>(list);
            copy.remove(i);
            fewer.add(List.copyOf(copy));
        }
        return fewer;
    }
}
