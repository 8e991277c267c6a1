package dev.fakesmtp.benchmarks.subject;

import dev.fakesmtp.benchmarks.driver.SmtpClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The forked JVM of one subject: it answers the driver's commands on stdin with one line each on
 * stdout, prefixed with {@value #PREFIX} (other output is the subject's own). Only the server
 * runs here, so this process's RSS, threads and CPU are the server's.
 */
public final class SubjectMain {

    /** Marks the protocol lines among whatever a subject prints. */
    public static final String PREFIX = "@@ ";

    private final String subject;
    private final PrintStream out;
    private ServerUnderTest server;

    private SubjectMain(String subject, PrintStream out) {
        this.subject = subject;
        this.out = out;
    }

    /** {@code SubjectMain <subject>}: runs commands until "exit" or the end of stdin. */
    public static void main(String[] args) throws Exception {
        String subject = args[0];
        PrintStream protocol = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        System.setOut(System.err); // the subjects' own prints must not mix with the protocol
        ServerUnderTest.checkEnvironment(subject);
        new SubjectMain(subject, protocol).run();
    }

    private void run() throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        reply("READY " + ProcessHandle.current().pid() + " " + Runtime.version().feature());
        String line;
        while ((line = in.readLine()) != null) {
            String[] words = line.trim().split(" ");
            try {
                if (!command(words)) {
                    break;
                }
            } catch (Exception | Error e) {
                reply("ERR " + e.toString().replace('\n', ' '));
            }
        }
        if (server != null) {
            server.close();
        }
        System.exit(0);
    }

    private boolean command(String[] words) throws Exception {
        switch (words[0]) {
            case "lifecycle" -> reply("OK " + join(lifecycle(Integer.parseInt(words[1]), Long.parseLong(words[2]), false)));
            case "greeting" -> reply("OK " + join(lifecycle(Integer.parseInt(words[1]), Long.parseLong(words[2]), true)));
            case "serve" -> {
                server = ServerUnderTest.start(subject, Integer.parseInt(words[1]));
                reply("OK " + server.port());
            }
            case "count" -> reply("OK " + server.messageCount());
            case "clear" -> {
                server.clear();
                reply("OK");
            }
            case "heap" -> reply("OK " + heapAfterGc());
            case "histogram" -> {
                java.nio.file.Files.writeString(java.nio.file.Path.of(words[1]), classHistogram());
                reply("OK");
            }
            case "stop" -> {
                server.close();
                server = null;
                reply("OK");
            }
            case "exit" -> {
                return false;
            }
            default -> reply("ERR unknown command " + words[0]);
        }
        return true;
    }

    /**
     * Starts and stops a fresh server up to {@code count} times or for {@code millis}; with
     * {@code greet}, a client connects after start() and the time is taken at its 220.
     * Returns each iteration's nanoseconds.
     */
    private long[] lifecycle(int count, long millis, boolean greet) throws Exception {
        long[] samples = new long[count];
        int done = 0;
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (done < count && System.nanoTime() < deadline) {
            long start = System.nanoTime();
            long elapsed;
            try (ServerUnderTest started = ServerUnderTest.start(subject, 0)) {
                if (greet) {
                    try (SmtpClient client = SmtpClient.connect(started.port(), 5_000)) {
                        client.greeting();
                        elapsed = System.nanoTime() - start;
                    }
                } else {
                    elapsed = -1;
                }
            }
            samples[done++] = elapsed < 0 ? System.nanoTime() - start : elapsed;
        }
        return Arrays.copyOf(samples, done);
    }

    /** Used heap after full collections, the lowest of a few readings. */
    private static long heapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long lowest = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            lowest = Math.min(lowest, memory.getHeapMemoryUsage().getUsed());
        }
        return lowest;
    }

    /** What {@code jcmd <pid> GC.class_histogram} prints (after a full GC), through the platform MBean. */
    private static String classHistogram() throws Exception {
        javax.management.ObjectName name = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(name, "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
    }

    private static String join(long[] values) {
        StringBuilder text = new StringBuilder();
        for (long value : values) {
            text.append(value).append(' ');
        }
        return text.toString().trim();
    }

    private void reply(String text) {
        out.println(PREFIX + text);
    }
}
