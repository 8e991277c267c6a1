package dev.fakesmtp.benchmarks.driver;

import java.util.Arrays;

/** Order statistics of samples. */
public final class Stats {

    private Stats() {
    }

    /** The median (nearest rank), NaN for no samples. */
    public static double median(long[] samples) {
        return percentile(samples, 50);
    }

    /** The {@code p}th percentile by nearest rank, NaN for no samples. */
    public static double percentile(long[] samples, double p) {
        if (samples.length == 0) {
            return Double.NaN;
        }
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** The median of doubles, NaN for none. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** Concatenates sample arrays. */
    public static long[] concat(long[] a, long[] b) {
        long[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
