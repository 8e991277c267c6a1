package dev.fakesmtp.benchmarks.driver;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client side of the network scenarios. Every loop stops at a count or a deadline,
 * whichever comes first, and every socket read has a timeout.
 */
public final class Load {

    private Load() {
    }

    /** What a throughput window measured. */
    public record Throughput(long messages, long windowNanos, long[] latencies, long serverCpuNanos,
                             int greeted, int connections, String firstError, boolean advertisedPipelining) {
        /** Messages per second in the window. */
        public double perSecond() {
            return messages * 1e9 / windowNanos;
        }
    }

    /** What a burst of simultaneous connects measured. */
    public record Burst(int greeted, int connections, long[] latencies, String firstError) {
    }

    /**
     * A new connection for each message: connect, greeting, EHLO, MAIL, RCPT, DATA, QUIT.
     * Returns the nanoseconds of each.
     */
    public static long[] newConnectionPerMessage(int port, Message message, int count, long warmupMillis, long millis)
            throws IOException {
        long warmupEnd = System.nanoTime() + warmupMillis * 1_000_000L;
        for (int i = 0; i < count && System.nanoTime() < warmupEnd; i++) {
            oneConnection(port, message);
        }
        long[] samples = new long[count];
        int done = 0;
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (done < count && System.nanoTime() < deadline) {
            long start = System.nanoTime();
            oneConnection(port, message);
            samples[done++] = System.nanoTime() - start;
        }
        return Arrays.copyOf(samples, done);
    }

    private static void oneConnection(int port, Message message) throws IOException {
        try (SmtpClient client = SmtpClient.connect(port, 10_000)) {
            client.greeting();
            client.ehlo();
            client.send(message, false);
            client.quit();
        }
    }

    /**
     * {@code connections} connections that each send messages back to back; after a warm-up,
     * counts the messages completed between two readings of the server's CPU time, so that
     * messages and CPU cover exactly the same interval even when this thread wakes up late.
     */
    public static Throughput throughput(long serverPid, int port, int connections, Message message, boolean pipeline,
                                        long warmupMillis, long measureMillis) throws InterruptedException {
        long start = System.nanoTime();
        long windowStart = start + warmupMillis * 1_000_000L;
        long windowEnd = windowStart + measureMillis * 1_000_000L;
        long hardStop = windowEnd + 30_000_000_000L;
        int setupTimeout = (int) (warmupMillis + measureMillis);
        AtomicInteger greeted = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean advertised = new AtomicBoolean();
        List<SmtpClient> clients = new ArrayList<>();
        long[][] completions = new long[connections][];
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        String[] errors = new String[connections];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                long[] done = new long[1024];
                long[] took = new long[1024];
                int n = 0;
                try (SmtpClient client = SmtpClient.connect(port, setupTimeout)) {
                    synchronized (clients) {
                        clients.add(client);
                    }
                    client.greeting();
                    client.ehlo();
                    greeted.incrementAndGet();
                    if (client.pipelining()) {
                        advertised.set(true);
                    }
                    client.timeout(10_000);
                    long now = System.nanoTime();
                    while (!stop.get() && now < hardStop) {
                        long sent = now;
                        client.send(message, pipeline);
                        now = System.nanoTime();
                        if (n == done.length) {
                            done = Arrays.copyOf(done, n * 2);
                            took = Arrays.copyOf(took, n * 2);
                        }
                        done[n] = now;
                        took[n++] = now - sent;
                    }
                    client.quit();
                } catch (IOException | RuntimeException e) {
                    errors[index] = describe(e);
                }
                completions[index] = done;
                latencies[index] = took;
                counts[index] = n;
            }, "load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        sleepUntil(windowStart);
        long from = System.nanoTime();
        long cpuBefore = Proc.cpuNanos(serverPid);
        sleepUntil(windowEnd);
        long cpuAfter = Proc.cpuNanos(serverPid);
        long to = System.nanoTime();
        stop.set(true);
        joinOrClose(threads, clients, to + 15_000_000_000L);
        long total = 0;
        long[] inWindow = new long[0];
        String firstError = null;
        for (int i = 0; i < connections; i++) {
            if (completions[i] != null) {
                long[] mine = new long[counts[i]];
                int m = 0;
                for (int k = 0; k < counts[i]; k++) {
                    if (completions[i][k] >= from && completions[i][k] <= to) {
                        mine[m++] = latencies[i][k];
                    }
                }
                total += m;
                inWindow = Stats.concat(inWindow, Arrays.copyOf(mine, m));
            }
            if (firstError == null && errors[i] != null) {
                firstError = errors[i];
            }
        }
        return new Throughput(total, to - from, inWindow, cpuAfter - cpuBefore, greeted.get(), connections, firstError,
                advertised.get());
    }

    /**
     * {@code connections} clients connect at the same instant and wait up to {@code millis} for
     * their greeting; they hold their connections until all are greeted or the time is up.
     */
    public static Burst burst(int port, int connections, long millis) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(connections);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch allGreeted = new CountDownLatch(connections);
        long[] latencies = new long[connections];
        String[] errors = new String[connections];
        List<SmtpClient> clients = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long[] deadline = new long[1];
        for (int i = 0; i < connections; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                latencies[index] = -1;
                try {
                    ready.countDown();
                    go.await();
                    long start = System.nanoTime();
                    try (SmtpClient client = SmtpClient.connect(port, (int) millis)) {
                        synchronized (clients) {
                            clients.add(client);
                        }
                        client.timeout((int) Math.max(1, (deadline[0] - System.nanoTime()) / 1_000_000L));
                        client.greeting();
                        latencies[index] = System.nanoTime() - start;
                        allGreeted.countDown();
                        allGreeted.await(Math.max(1, deadline[0] - System.nanoTime()), TimeUnit.NANOSECONDS);
                        client.quitQuietly();
                    }
                } catch (IOException | RuntimeException e) {
                    errors[index] = describe(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "burst-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        ready.await(10, TimeUnit.SECONDS);
        deadline[0] = System.nanoTime() + millis * 1_000_000L;
        go.countDown();
        allGreeted.await(millis, TimeUnit.MILLISECONDS);
        joinOrClose(threads, clients, deadline[0] + 5_000_000_000L);
        long[] greetedLatencies = Arrays.stream(latencies).filter(l -> l >= 0).toArray();
        String firstError = Arrays.stream(errors).filter(e -> e != null).findFirst().orElse(null);
        return new Burst(greetedLatencies.length, connections, greetedLatencies, firstError);
    }

    /**
     * True when the server takes one message on a new connection within two seconds. The probe
     * sends a message because Dumbster 1.7.1 stops listening after a session without one.
     */
    public static boolean answers(int port, Message message) {
        try (SmtpClient client = SmtpClient.connect(port, 2_000)) {
            client.greeting();
            client.ehlo();
            client.send(message, false);
            client.quitQuietly();
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static String describe(Throwable e) {
        return SmtpClient.isTimeout(e) ? "read timeout (never answered)" : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    static void sleepUntil(long nanoTime) throws InterruptedException {
        long remaining;
        while ((remaining = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(remaining);
        }
    }

    /** Joins the threads until the deadline, then closes their sockets and joins briefly again. */
    static void joinOrClose(List<Thread> threads, List<SmtpClient> clients, long deadline) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
        }
        synchronized (clients) {
            clients.forEach(SmtpClient::close);
        }
        for (Thread thread : threads) {
            thread.join(1_000);
        }
    }
}
