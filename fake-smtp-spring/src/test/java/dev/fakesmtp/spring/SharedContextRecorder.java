package dev.fakesmtp.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationContext;

/**
 * Remembers which context and server each test class of the shared configuration saw, so the
 * class that runs later can assert that it got the very same ones.
 */
final class SharedContextRecorder {

    /** The lock held by every test class of the default configuration: they share one server. */
    static final String DEFAULT_CONTEXT = "dev.fakesmtp.spring.default-context";

    private record Seen(ApplicationContext context, FakeSmtpServer server, int port) {
    }

    private static final Map<Class<?>, Seen> SEEN = new ConcurrentHashMap<>();

    private SharedContextRecorder() {
    }

    /** Records what {@code testClass} saw and asserts it is what every class recorded before saw. */
    static int recordAndCompare(Class<?> testClass, ApplicationContext context, FakeSmtpServer server) {
        Seen mine = new Seen(context, server, server.port());
        SEEN.put(testClass, mine);
        int compared = 0;
        for (Map.Entry<Class<?>, Seen> other : SEEN.entrySet()) {
            if (other.getKey() != testClass) {
                assertThat(other.getValue().context()).as("context of " + other.getKey()).isSameAs(context);
                assertThat(other.getValue().server()).as("server of " + other.getKey()).isSameAs(server);
                assertThat(other.getValue().port()).as("port of " + other.getKey()).isEqualTo(server.port());
                compared++;
            }
        }
        return compared;
    }
}
