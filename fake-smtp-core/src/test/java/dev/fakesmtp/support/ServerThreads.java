package dev.fakesmtp.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live threads of one server, as a thread dump shows them, virtual threads included: what a
 * user sees when checking that {@code close()} left nothing running. A server names each of its
 * threads after the port it listens on ({@code fake-smtp-session-<port>-<n>},
 * {@code fake-smtp-acceptor-<port>}, ...), so a server's threads are found among those of the
 * servers other tests run at the same time.
 *
 * <pre>{@code
 * int port = server.port();
 * server.close();
 * assertThat(ServerThreads.alive(port)).isEmpty();
 * }</pre>
 */
public final class ServerThreads {

    private static final Pattern JSON_NAME = Pattern.compile("\"name\": \"([^\"]*)\"");

    private ServerThreads() {
    }

    /** The names of the live threads of the server listening (or that listened) on {@code port}. */
    public static List<String> alive(int port) {
        Pattern ours = Pattern.compile("fake-smtp-[a-z]+-" + port + "(-\\d+)?");
        List<String> alive = new ArrayList<>();
        for (String name : liveThreadNames()) {
            if (ours.matcher(name).matches()) {
                alive.add(name);
            }
        }
        return alive;
    }

    /**
     * Every live thread's name. On JDK 21+ from a JSON thread dump, the one view that lists
     * virtual threads; on 17 every thread is a platform thread and {@code getAllStackTraces} has them.
     */
    private static List<String> liveThreadNames() {
        if (Runtime.version().feature() < 21) {
            return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName).toList();
        }
        Path dump = null;
        try {
            dump = Files.createTempFile("fake-smtp-threads", ".json");
            Files.delete(dump); // dumpThreads refuses to overwrite
            Class<?> bean = Class.forName("com.sun.management.HotSpotDiagnosticMXBean");
            @SuppressWarnings({"unchecked", "rawtypes"})
            Object diagnostics = ManagementFactory.getPlatformMXBean((Class) bean);
            Class<?> format = Class.forName("com.sun.management.HotSpotDiagnosticMXBean$ThreadDumpFormat");
            @SuppressWarnings({"unchecked", "rawtypes"})
            Object json = Enum.valueOf((Class) format, "JSON");
            Method dumpThreads = bean.getMethod("dumpThreads", String.class, format);
            dumpThreads.invoke(diagnostics, dump.toString(), json);
            List<String> names = new ArrayList<>();
            Matcher matcher = JSON_NAME.matcher(Files.readString(dump));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot take a thread dump on " + Runtime.version(), e);
        } finally {
            if (dump != null) {
                try {
                    Files.deleteIfExists(dump);
                } catch (IOException e) {
                    // a temp file left behind is harmless
                }
            }
        }
    }
}
