package dev.fakesmtp.benchmarks.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a process's RSS, thread count and CPU time from /proc (Linux). */
public final class Proc {

    /** Kernel clock ticks per second for /proc/<pid>/stat; 100 on every common Linux. */
    private static final long TICKS_PER_SECOND = ticksPerSecond();

    private Proc() {
    }

    /** Resident set size in KiB (VmRSS). */
    public static long rssKib(long pid) {
        return statusField(pid, "VmRSS:");
    }

    /** The number of threads (Threads). */
    public static long threads(long pid) {
        return statusField(pid, "Threads:");
    }

    /** User plus system CPU time of the whole process, in nanoseconds (tick resolution). */
    public static long cpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name (which may hold spaces) start at field 3 (state).
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            return ticks * 1_000_000_000L / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read /proc/" + pid + "/stat", e);
        }
    }

    private static long statusField(long pid, String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
                }
            }
            throw new IllegalStateException("No " + name + " in /proc/" + pid + "/status");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read /proc/" + pid + "/status", e);
        }
    }

    private static long ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String text = new String(getconf.getInputStream().readAllBytes()).trim();
            getconf.waitFor();
            return Long.parseLong(text);
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
