package dev.fakesmtp.benchmarks.driver;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The scenarios that need a fresh server JVM of their own: many idle connections, retained heap. */
public final class Heavy {

    private Heavy() {
    }

    /**
     * What the idle-connection scenario measured.
     *
     * @param greeted connections opened and greeted
     * @param openNanos time to open and greet them, one after another
     * @param rssBeforeKib the server's RSS before any connection
     * @param rssIdleKib its RSS with every connection open and idle
     * @param threadsIdle its thread count then
     * @param delivered connections that then delivered one message each
     * @param deliverNanos time for those deliveries
     * @param captured messages the server reports
     * @param firstError the first failure, or null
     */
    public record Idle(int greeted, long openNanos, long rssBeforeKib, long rssIdleKib, long threadsIdle,
                       int delivered, long deliverNanos, int captured, String firstError) {
    }

    /** Opens up to {@code count} connections, keeps them idle, then sends one message on each. */
    public static Idle idle(ForkedJvm server, int port, int count, Message message, long millis)
            throws InterruptedException {
        long pid = server.pid();
        long rssBefore = Proc.rssKib(pid);
        List<SmtpClient> clients = new ArrayList<>(count);
        String firstError = null;
        int failuresInARow = 0;
        long start = System.nanoTime();
        long openDeadline = start + millis * 1_000_000L;
        // Stops early when the server stops greeting (3 failures in a row): bounded in time either way.
        while (clients.size() < count && System.nanoTime() < openDeadline && failuresInARow < 3) {
            SmtpClient client = null;
            try {
                client = SmtpClient.connect(port, 1_000);
                client.greeting();
                clients.add(client);
                failuresInARow = 0;
            } catch (IOException | RuntimeException e) {
                if (client != null) {
                    client.close();
                }
                failuresInARow++;
                if (firstError == null) {
                    firstError = "after " + clients.size() + ": " + Load.describe(e);
                }
            }
        }
        long openNanos = System.nanoTime() - start;
        TimeUnit.MILLISECONDS.sleep(500); // let the server's threads settle before reading RSS
        long rssIdle = Proc.rssKib(pid);
        long threadsIdle = Proc.threads(pid);

        ConcurrentLinkedQueue<SmtpClient> queue = new ConcurrentLinkedQueue<>(clients);
        AtomicInteger delivered = new AtomicInteger();
        String[] deliverError = new String[1];
        long deliverStart = System.nanoTime();
        long deliverDeadline = deliverStart + millis * 1_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            Thread worker = new Thread(() -> {
                SmtpClient client;
                while ((client = queue.poll()) != null && System.nanoTime() < deliverDeadline) {
                    try {
                        client.timeout(5_000);
                        client.ehlo();
                        client.send(message, false);
                        client.quit();
                        delivered.incrementAndGet();
                    } catch (IOException | RuntimeException e) {
                        synchronized (deliverError) {
                            if (deliverError[0] == null) {
                                deliverError[0] = Load.describe(e);
                            }
                        }
                    } finally {
                        client.close();
                    }
                }
            }, "idle-deliver-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        Load.joinOrClose(workers, clients, deliverDeadline + 5_000_000_000L);
        long deliverNanos = System.nanoTime() - deliverStart;
        clients.forEach(SmtpClient::close);
        int captured = Integer.parseInt(server.call("count", java.time.Duration.ofSeconds(60)));
        if (firstError == null && deliverError[0] != null) {
            firstError = "delivering: " + deliverError[0];
        }
        return new Idle(clients.size(), openNanos, rssBefore, rssIdle, threadsIdle, delivered.get(), deliverNanos,
                captured, firstError);
    }

    /**
     * What the retained-heap scenario measured.
     *
     * @param captured messages the server holds
     * @param heapBefore used heap after GC before any message
     * @param heapAfter used heap after GC with every message captured
     * @param rawSize one message's size after dot-unstuffing
     */
    public record Retained(int captured, long heapBefore, long heapAfter, int rawSize) {
        /** Retained bytes per message. */
        public double perMessage() {
            return (heapAfter - heapBefore) / (double) captured;
        }
    }

    /**
     * Sends {@code count} messages on one connection (pipelined when offered) and compares heaps;
     * class histograms from before and after go to {@code histograms}-before.txt and -after.txt.
     */
    public static Retained retained(ForkedJvm server, int port, int count, Message message, long millis,
                                    java.nio.file.Path histograms) throws IOException {
        java.time.Duration timeout = java.time.Duration.ofSeconds(60);
        long before = Long.parseLong(server.call("heap", timeout));
        server.call("histogram " + histograms + "-before.txt", timeout);
        long deadline = System.nanoTime() + millis * 1_000_000L;
        try (SmtpClient client = SmtpClient.connect(port, 10_000)) {
            client.greeting();
            client.ehlo();
            for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
                client.send(message, true);
            }
            client.quit();
        }
        int captured = Integer.parseInt(server.call("count", timeout));
        long after = Long.parseLong(server.call("heap", timeout));
        server.call("histogram " + histograms + "-after.txt", timeout);
        return new Retained(captured, before, after, message.rawSize());
    }
}
