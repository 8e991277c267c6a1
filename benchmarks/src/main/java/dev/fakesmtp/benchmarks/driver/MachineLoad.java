package dev.fakesmtp.benchmarks.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How busy the machine was with other work while the benchmarks ran: the machine's busy CPU
 * time (from /proc/stat) minus this driver's and its reaped children's (from /proc/self/stat).
 * Benchmarks on a shared machine are only as good as this number is small.
 */
final class MachineLoad {

    private final long machineBusyStart;
    private final long ownStart;
    private final long wallStart = System.nanoTime();

    private MachineLoad(long machineBusy, long own) {
        this.machineBusyStart = machineBusy;
        this.ownStart = own;
    }

    static MachineLoad start() {
        return new MachineLoad(machineBusyTicks(), ownTicks());
    }

    /** "other processes used N% of the machine's CPU time during the run". */
    String describe() {
        long others = (machineBusyTicks() - machineBusyStart) - (ownTicks() - ownStart);
        double seconds = (System.nanoTime() - wallStart) / 1e9;
        int cpus = Runtime.getRuntime().availableProcessors();
        double share = others / 100.0 / (seconds * cpus) * 100;
        return String.format(Locale.ROOT, "other processes used %.0f%% of the machine's CPU time during the run"
                + " (load average at the end: %s)", Math.max(0, share), loadAverage());
    }

    /** The machine's non-idle ticks (user, nice, system, irq, softirq, steal). */
    private static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + Long.parseLong(f[8]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** This process's CPU ticks plus those of its children that have been waited for. */
    private static long ownTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
