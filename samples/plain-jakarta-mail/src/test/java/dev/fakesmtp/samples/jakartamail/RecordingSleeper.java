package dev.fakesmtp.samples.jakartamail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Sleeper} that remembers each back-off and returns at once: retries without waiting. */
final class RecordingSleeper implements Sleeper {

    private final List<Duration> delays = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        delays.add(duration);
    }

    /** The waits the notifier asked for, in order. */
    List<Duration> delays() {
        return List.copyOf(delays);
    }
}
