package dev.fakesmtp.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.SmtpDialogue;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One server receives a million small messages over a few connections while the mailbox is
 * cleared every 10,000: the heap after GC stays flat and throughput does not degrade. Not part
 * of the normal build (tag {@code soak}); run it with
 * {@code ./mvnw -B -pl fake-smtp-core test -Dtest=SoakTest -Dgroups=soak -DexcludedGroups=}.
 * It prints its measurements, which are observations, not timing assertions: the asserted bounds
 * (heap growth under 32 MiB, the last block at least half as fast as the first) are loose.
 */
@Tag("soak")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class SoakTest {

    private static final int MESSAGES = 1_000_000;
    private static final int CONNECTIONS = 4;
    private static final int CLEAR_EVERY = 10_000;
    private static final int BLOCK = 100_000;
    private static final long HEAP_GROWTH_LIMIT = 32L * 1024 * 1024;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong sent = new AtomicLong();
    private final List<long[]> samples = new ArrayList<>(); // {messages, nanoTime, heap after GC}

    @Test
    void aMillionMessagesWithFlatHeapAndSteadyThroughput() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            sample(0);
            ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int i = 0; i < CONNECTIONS; i++) {
                    running.add(clients.submit(() -> sendUntilDone(server)));
                }
                for (Future<?> future : running) {
                    future.get();
                }
            } finally {
                clients.shutdownNow();
            }
            assertThat(sent.get()).isGreaterThanOrEqualTo(MESSAGES);
        }
        report();
        long[] first = samples.get(1);
        long[] last = samples.get(samples.size() - 1);
        assertThat(last[2]).as("heap after GC at the end vs after the first block")
                .isLessThan(first[2] + HEAP_GROWTH_LIMIT);
        assertThat(throughput(samples.size() - 1)).as("messages/s of the last block vs the first")
                .isGreaterThanOrEqualTo(throughput(1) / 2);
    }

    private void sendUntilDone(FakeSmtpServer server) {
        byte[] envelope = "MAIL FROM:<soak@example.com>\r\nRCPT TO:<sink@example.com>\r\nDATA\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        try (SmtpDialogue wire = SmtpDialogue.connect(server, SmtpDialogue.PATIENT_TIMEOUT).buffered()) {
            wire.expect("220 ");
            wire.sendRaw("EHLO soak.test\r\n").expect("250 ");
            while (true) {
                long n = sent.incrementAndGet();
                if (n > MESSAGES) {
                    break;
                }
                wire.sendRaw(envelope);
                wire.expect("250 2.1.0");
                wire.expect("250 2.1.5");
                wire.expect("354 ");
                wire.sendRaw("Subject: soak " + n + "\r\n\r\nmessage " + n + "\r\n.\r\n").expect("250 2.0.0");
                if (n % CLEAR_EVERY == 0) {
                    server.mailbox().clear();
                }
                if (n % BLOCK == 0) {
                    sample(n);
                }
            }
            wire.sendRaw("QUIT\r\n").expect("221 ");
        }
    }

    private synchronized void sample(long messages) {
        memory.gc();
        samples.add(new long[] {messages, System.nanoTime(), memory.getHeapMemoryUsage().getUsed()});
    }

    private synchronized double throughput(int block) {
        long[] from = samples.get(block - 1);
        long[] to = samples.get(block);
        return (to[0] - from[0]) / ((to[1] - from[1]) / 1e9);
    }

    private synchronized void report() {
        samples.sort(java.util.Comparator.comparingLong(sample -> sample[0]));
        System.out.printf("Soak: %,d messages over %d connections, mailbox cleared every %,d%n",
                MESSAGES, CONNECTIONS, CLEAR_EVERY);
        for (int i = 1; i < samples.size(); i++) {
            System.out.printf("  %,9d messages  %,8.0f msg/s in the last block  heap after GC %,6.1f MiB%n",
                    samples.get(i)[0], throughput(i), samples.get(i)[2] / 1048576.0);
        }
    }
}
