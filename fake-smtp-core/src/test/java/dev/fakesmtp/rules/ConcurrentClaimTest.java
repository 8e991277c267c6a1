package dev.fakesmtp.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Rule;
import dev.fakesmtp.Trigger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Claims are atomic: 100 connections opened at the same moment against a counted rule on
 * connect, and exactly as many get the 421 as the count allows; the rest get the greeting.
 */
@Timeout(20)
class ConcurrentClaimTest {

    private static final int CONNECTIONS = 100;

    @Test
    void aOnceRuleFiresExactlyOnceAcross100ParallelConnections() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Rule rule = server.on(Trigger.connect()).once().reply(421, "4.3.2 The one refusal");

            Map<String, Long> greetings = greetingsOfParallelConnections(server);

            assertThat(greetings).containsOnlyKeys("421", "220");
            assertThat(greetings.get("421")).isEqualTo(1);
            assertThat(greetings.get("220")).isEqualTo(CONNECTIONS - 1);
            assertThat(rule.timesFired()).isEqualTo(1);
            assertThat(rule.timesMatched()).isEqualTo(CONNECTIONS);
        }
    }

    @Test
    void aTimesFiveRuleFiresExactlyFiveTimesAcross100ParallelConnections() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Rule rule = server.on(Trigger.connect()).times(5).reply(421, "4.3.2 One of five refusals");

            Map<String, Long> greetings = greetingsOfParallelConnections(server);

            assertThat(greetings.get("421")).isEqualTo(5);
            assertThat(greetings.get("220")).isEqualTo(CONNECTIONS - 5);
            assertThat(rule.timesFired()).isEqualTo(5);
            assertThat(rule.timesMatched()).isEqualTo(CONNECTIONS);
        }
    }

    /** Opens {@link #CONNECTIONS} connections at once; counts the reply codes of their first lines. */
    private static Map<String, Long> greetingsOfParallelConnections(FakeSmtpServer server) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            CountDownLatch ready = new CountDownLatch(CONNECTIONS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> firstLines = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                firstLines.add(pool.submit(firstLine(server, ready, go)));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).as("all clients ready").isTrue();
            go.countDown();
            List<String> lines = new ArrayList<>();
            for (Future<String> line : firstLines) {
                lines.add(line.get(15, TimeUnit.SECONDS));
            }
            assertThat(lines).allSatisfy(line -> assertThat(line).matches("(220|421) .*"));
            return lines.stream().map(line -> line.substring(0, 3))
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static Callable<String> firstLine(FakeSmtpServer server, CountDownLatch ready, CountDownLatch go) {
        return () -> {
            try (Socket socket = new Socket()) {
                socket.setSoTimeout(10_000);
                ready.countDown();
                go.await();
                socket.connect(new InetSocketAddress(server.host(), server.port()), 10_000);
                return readLine(socket.getInputStream());
            }
        };
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII).stripTrailing();
    }
}
