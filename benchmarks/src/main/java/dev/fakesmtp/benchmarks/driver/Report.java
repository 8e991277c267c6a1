package dev.fakesmtp.benchmarks.driver;

import dev.fakesmtp.benchmarks.driver.Results.Cell;
import dev.fakesmtp.benchmarks.driver.Results.Kind;
import dev.fakesmtp.benchmarks.driver.Results.Row;
import java.util.List;
import java.util.Locale;

/**
 * Renders the results as a Markdown table: per cell the median, the p99 where there are
 * samples, and the ratio to fake-smtp on virtual threads (subject ÷ fake-smtp, so below 1 means
 * less time, fewer bytes or fewer messages per second than fake-smtp).
 */
public final class Report {

    /** The key suffix of the hidden rows that hold a throughput row's server CPU per message. */
    static final String CPU_NOTE = "-cpu-note";

    private Report() {
    }

    /** The table for {@code subjects}, the first of which is the reference for ratios. */
    public static String table(Results results, List<Subject> subjects) {
        StringBuilder out = new StringBuilder();
        out.append("| scenario |");
        subjects.forEach(subject -> out.append(' ').append(subject.label()).append(" |"));
        out.append("\n|---|");
        subjects.forEach(subject -> out.append("---|"));
        out.append('\n');
        Subject reference = subjects.stream().filter(s -> s.id().equals("fake-smtp-vt")).findFirst().orElse(subjects.get(0));
        for (Row row : results.rows()) {
            if (row.key().endsWith(CPU_NOTE) || subjects.stream().allMatch(s -> results.get(row, s.id()) == null)) {
                continue; // a CPU row is shown inside its throughput row's cells; an empty row not at all
            }
            Row cpu = results.find(row.key() + CPU_NOTE);
            out.append("| ").append(row.title()).append(" |");
            Cell base = results.get(row, reference.id());
            double baseValue = base == null ? Double.NaN : base.headline(row.kind());
            for (Subject subject : subjects) {
                Cell cell = results.get(row, subject.id());
                out.append(' ').append(cell == null ? "–" : cell(row, cell, subject == reference ? Double.NaN : baseValue));
                Cell cpuCell = cpu == null ? null : results.get(cpu, subject.id());
                if (cpuCell != null) {
                    out.append("; CPU ").append(number(cpuCell.headline(Kind.VALUE))).append(" µs/msg");
                }
                out.append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String cell(Row row, Cell cell, double reference) {
        StringBuilder text = new StringBuilder();
        double headline = cell.headline(row.kind());
        if (!Double.isNaN(headline)) {
            switch (row.kind()) {
                case LATENCY -> text.append(ms(headline)).append(" ms (p99 ")
                        .append(ms(Stats.percentile(cell.samples(), 99))).append(")");
                case THROUGHPUT -> {
                    text.append(number(headline)).append("/s");
                    if (cell.samples().length > 0) {
                        text.append(" (p99 ").append(ms(Stats.percentile(cell.samples(), 99))).append(" ms)");
                    }
                }
                case VALUE -> text.append(number(headline)).append(row.unit().isEmpty() ? "" : " " + row.unit());
                default -> throw new IllegalStateException();
            }
            if (!Double.isNaN(reference) && reference != 0) {
                text.append(" ×").append(String.format(Locale.ROOT, headline / reference >= 10 ? "%.0f" : "%.2f",
                        headline / reference));
            }
        }
        for (String note : cell.notes()) {
            text.append(text.length() == 0 ? "" : "; ").append(note);
        }
        return text.toString();
    }

    /** Milliseconds with three significant digits or so. */
    static String ms(double nanos) {
        double ms = nanos / 1e6;
        if (ms >= 100) {
            return String.format(Locale.ROOT, "%.0f", ms);
        }
        if (ms >= 10) {
            return String.format(Locale.ROOT, "%.1f", ms);
        }
        if (ms >= 1) {
            return String.format(Locale.ROOT, "%.2f", ms);
        }
        return String.format(Locale.ROOT, "%.3f", ms);
    }

    static String number(double value) {
        if (Math.abs(value) >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (Math.abs(value) >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
