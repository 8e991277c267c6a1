package dev.fakesmtp.benchmarks.driver;

import dev.fakesmtp.benchmarks.subject.SubjectMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM on this benchmark's class path that answers commands line by line (see
 * {@link SubjectMain}); its other output goes to a log file. Every call has a timeout, after
 * which the child is killed.
 */
public final class ForkedJvm implements AutoCloseable {

    private static final String END = "\u0000end";

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final String name;

    private ForkedJvm(Process process, String name) {
        this.process = process;
        this.name = name;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::pump, "fork-reader-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code mainClass args} on {@code java} with {@code jvmArgs}; its stderr and
     * non-protocol stdout go to {@code logDir/name.log}.
     */
    public static ForkedJvm start(Path java, String classPath, List<String> jvmArgs, String mainClass,
                                  List<String> args, Path logDir, String name) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(args);
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new ForkedJvm(process, name);
    }

    /** The child's process id (the JVM itself, no shell in between). */
    public long pid() {
        return process.pid();
    }

    /** Waits for the next protocol line, e.g. the READY line after start. */
    public String await(Duration timeout) {
        try {
            String line = replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                kill();
                throw new IllegalStateException(name + " did not answer within " + timeout + "; killed");
            }
            if (line.equals(END)) {
                throw new IllegalStateException(name + " exited (exit code "
                        + (process.isAlive() ? "?" : String.valueOf(process.exitValue())) + ")");
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** Sends a command and returns its reply without the "OK " prefix; an ERR reply throws. */
    public String call(String command, Duration timeout) {
        try {
            commands.write(command + "\n");
            commands.flush();
        } catch (IOException e) {
            throw new IllegalStateException(name + " is gone: " + e.getMessage(), e);
        }
        String reply = await(timeout);
        if (reply.startsWith("OK")) {
            return reply.length() > 3 ? reply.substring(3) : "";
        }
        throw new IllegalStateException(name + ": '" + command + "' failed: " + reply);
    }

    private void pump() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(SubjectMain.PREFIX)) {
                    replies.add(line.substring(SubjectMain.PREFIX.length()));
                } else {
                    System.err.println("[" + name + "] " + line);
                }
            }
        } catch (IOException e) {
            // The child is gone.
        }
        replies.add(END);
    }

    private void kill() {
        process.destroyForcibly();
    }

    /** Asks the child to exit, and kills it if it has not within five seconds. */
    @Override
    public void close() {
        try {
            commands.write("exit\n");
            commands.flush();
        } catch (IOException e) {
            // Already gone.
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                kill();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }
}
