package dev.fakesmtp.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The executor a server hands Jakarta Mail (Angus) for {@code mail.smtp.writetimeout}, through
 * {@code mail.smtp.executor.writetimeout}. Without it Angus builds a scheduled pool, and so starts
 * a thread, for every connection: one per {@code Transport.send}, paid on the test's own thread.
 * One daemon thread per server, started by the first write and ended by {@link #close()}, serves
 * every connection instead; it only ever runs a task when a write is stuck for the whole timeout.
 */
public final class WriteTimeouts implements AutoCloseable {

    private static final long CLOSE_WAIT_MILLIS = 1_000;

    private final ScheduledThreadPoolExecutor executor;

    /**
     * An executor whose thread is named after the server's port, like the server's other threads.
     *
     * @param port the server's port, read when the thread starts (after the server has bound it)
     */
    public WriteTimeouts(IntSupplier port) {
        executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "fake-smtp-writetimeout-" + port.getAsInt());
            thread.setDaemon(true);
            return thread;
        });
        // Angus cancels its timeout task after every write: without this, each cancelled task
        // would stay queued for the whole timeout (10 s) and the queue would grow with every write.
        executor.setRemoveOnCancelPolicy(true);
    }

    /** {@return the executor for {@code mail.smtp.executor.writetimeout}} */
    public ScheduledExecutorService executor() {
        return executor;
    }

    /** Ends the thread, waiting for it at most a second; a client that writes after this gets an IOException. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
