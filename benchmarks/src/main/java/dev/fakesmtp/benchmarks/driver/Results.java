package dev.fakesmtp.benchmarks.driver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the scenarios measured: one row per metric, one cell per subject. A cell holds latency
 * samples (pooled over rounds), or one value per round (medians are taken over rounds), and
 * notes such as "12 of 64 connections greeted".
 */
public final class Results {

    /** How a row's cells are summarized. */
    public enum Kind {
        /** Nanosecond samples, shown as median and p99 in milliseconds. */
        LATENCY,
        /** Messages per second per round, with the per-message latency's p99. */
        THROUGHPUT,
        /** One number per round in the row's unit; the median is shown. */
        VALUE
    }

    /**
     * A metric.
     *
     * @param key a stable identifier
     * @param title what the reader sees
     * @param unit the unit of a VALUE row
     * @param kind how cells are summarized
     * @param higherIsBetter true for throughput-like rows
     */
    public record Row(String key, String title, String unit, Kind kind, boolean higherIsBetter) {
    }

    /** One subject's measurements of one row. */
    public static final class Cell {
        private long[] samples = new long[0];
        private final List<Double> values = new ArrayList<>();
        private final Set<String> notes = new LinkedHashSet<>();

        /** The pooled samples (latency, or per-message latency of a throughput row). */
        public long[] samples() {
            return samples;
        }

        /** The per-round values. */
        public double[] values() {
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }

        /** The notes, in the order first seen. */
        public Set<String> notes() {
            return notes;
        }

        /** The number compared across subjects: median latency (ns), or median value. */
        public double headline(Kind kind) {
            return kind == Kind.LATENCY ? Stats.median(samples) : Stats.median(values());
        }
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Map<String, Map<String, Cell>> cells = new LinkedHashMap<>();

    /** Declares a row (idempotent); rows are reported in the order declared. */
    public synchronized Row row(String key, String title, String unit, Kind kind, boolean higherIsBetter) {
        return rows.computeIfAbsent(key, k -> new Row(key, title, unit, kind, higherIsBetter));
    }

    /** Adds latency samples in nanoseconds. */
    public synchronized void samples(Row row, String subject, long[] nanos) {
        Cell cell = cell(row, subject);
        cell.samples = Stats.concat(cell.samples, nanos);
    }

    /** Adds one round's value. */
    public synchronized void value(Row row, String subject, double value) {
        cell(row, subject).values.add(value);
    }

    /** Adds a note to a cell (duplicates are shown once). */
    public synchronized void note(Row row, String subject, String note) {
        cell(row, subject).notes.add(note);
    }

    /** A declared row by key, or null. */
    public synchronized Row find(String key) {
        return rows.get(key);
    }

    /** The rows, in order. */
    public synchronized List<Row> rows() {
        return List.copyOf(rows.values());
    }

    /** A cell, or null when the subject has none for this row. */
    public synchronized Cell get(Row row, String subject) {
        Map<String, Cell> bySubject = cells.get(row.key());
        return bySubject == null ? null : bySubject.get(subject);
    }

    private Cell cell(Row row, String subject) {
        rows.putIfAbsent(row.key(), row);
        return cells.computeIfAbsent(row.key(), k -> new LinkedHashMap<>()).computeIfAbsent(subject, s -> new Cell());
    }
}
