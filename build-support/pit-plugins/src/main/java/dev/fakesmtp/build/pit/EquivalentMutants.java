package dev.fakesmtp.build.pit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pitest.bytecode.analysis.ClassTree;
import org.pitest.mutationtest.build.InterceptorType;
import org.pitest.mutationtest.build.MutationInterceptor;
import org.pitest.mutationtest.engine.Mutater;
import org.pitest.mutationtest.engine.MutationDetails;

/**
 * Drops the mutants listed as equivalent. The file has one entry per mutant: a header line
 * <pre>
 * dev.fakesmtp.internal.rules.RuleSet#firing NegateConditionalsMutator if (rules.isEmpty()) {
 *     Why no test can see the difference (indented lines, at least one).
 * </pre>
 * naming the class, the method (as PIT reports it, e.g. {@code lambda$firing$0}), the mutator's
 * simple class name (as in PIT's XML report) and a fragment of the mutated source line, so that
 * an entry survives the line moving but not the line changing. When one line has several
 * mutants of the same mutator, {@code Mutator@2} picks the second in bytecode order. Lines
 * starting with {@code #} are comments. The run fails when an entry matches no mutant of its
 * class (the code changed: review the entry) or more than one (make it precise), or has no
 * reason. PIT hands an interceptor one class at a time, so an entry is checked when its class is
 * mutated; an entry for a class that is not mutated at all (renamed, removed, or outside
 * {@code targetClasses}) is not checked.
 */
final class EquivalentMutants implements MutationInterceptor {

    private static final Logger LOG = Logger.getLogger(EquivalentMutants.class.getName());
    private static final Pattern HEADER = Pattern.compile("(\\S+)#(\\S+)\\s+(\\w+)(?:@(\\d+))?\\s+(.+)");

    private final List<Entry> entries;
    private final Collection<Path> sourceRoots;
    private final Map<String, List<String>> sources = new HashMap<>();

    EquivalentMutants(List<Entry> entries, Collection<Path> sourceRoots) {
        this.entries = entries;
        this.sourceRoots = sourceRoots;
    }

    @Override
    public InterceptorType type() {
        return InterceptorType.FILTER;
    }

    /** The class whose mutants come next, as PIT names it ({@code a.b.Outer$Inner}). */
    private String currentClass;

    @Override
    public void begin(ClassTree tree) {
        currentClass = tree.name().asJavaName();
    }

    @Override
    public void end() {
        currentClass = null;
    }

    @Override
    public Collection<MutationDetails> intercept(Collection<MutationDetails> mutations, Mutater mutater) {
        Set<MutationDetails> equivalent = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Entry entry : entries) {
            if (!entry.className.equals(currentClass)) {
                continue;
            }
            List<MutationDetails> matches = mutations.stream().filter(entry::matchesSignature)
                    .filter(mutation -> sourceLine(mutation).map(entry::matchesLine).orElse(false))
                    .sorted(Comparator.comparingInt(MutationDetails::getLineNumber)
                            .thenComparingInt(MutationDetails::getFirstIndex))
                    .toList();
            if (entry.occurrence > 0 && entry.occurrence <= matches.size()) {
                equivalent.add(matches.get(entry.occurrence - 1));
            } else if (entry.occurrence == 0 && matches.size() == 1) {
                equivalent.add(matches.get(0));
            } else if (matches.isEmpty() || entry.occurrence > 0) {
                problems.add(entry + ": no such mutant any more; the code changed, review the entry");
            } else {
                problems.add(entry + ": " + matches.size() + " mutants match; add @1 to @" + matches.size()
                        + " to the mutator, lines " + matches.stream().map(m -> String.valueOf(m.getLineNumber())).toList());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Equivalent-mutant entries that do not match exactly one mutant:\n  "
                    + String.join("\n  ", problems));
        }
        if (!equivalent.isEmpty()) {
            LOG.info(() -> "EQUIVALENTS: left out " + equivalent.size() + " mutants of " + currentClass);
        }
        return mutations.stream().filter(mutation -> !equivalent.contains(mutation)).toList();
    }

    private Optional<String> sourceLine(MutationDetails mutation) {
        String className = mutation.getClassName().asJavaName();
        int lastDot = className.lastIndexOf('.');
        String relative = (lastDot < 0 ? "" : className.substring(0, lastDot).replace('.', '/') + "/")
                + mutation.getFilename();
        List<String> lines = sources.computeIfAbsent(relative, this::read);
        int index = mutation.getLineNumber() - 1;
        return index >= 0 && index < lines.size() ? Optional.of(lines.get(index)) : Optional.empty();
    }

    private List<String> read(String relative) {
        for (Path root : sourceRoots) {
            Path file = root.resolve(relative);
            if (Files.isRegularFile(file)) {
                try {
                    return Files.readAllLines(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return List.of();
    }

    /** One listed mutant and why it is equivalent. */
    static final class Entry {
        final String className;
        final String method;
        final String mutator;
        final int occurrence;
        final String fragment;
        final String reason;
        final int line;

        private Entry(Matcher header, String reason, int line) {
            this.className = header.group(1);
            this.method = header.group(2);
            this.mutator = header.group(3);
            this.occurrence = header.group(4) == null ? 0 : Integer.parseInt(header.group(4));
            this.fragment = header.group(5).strip();
            this.reason = reason;
            this.line = line;
        }

        static List<Entry> parse(Path file) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the equivalent-mutant list " + file, e);
            }
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String text = lines.get(i);
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                Matcher header = HEADER.matcher(text);
                if (Character.isWhitespace(text.charAt(0)) || !header.matches()) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected"
                            + " 'class#method Mutator[@n] source fragment', got: " + text);
                }
                StringBuilder reason = new StringBuilder();
                while (i + 1 < lines.size() && !lines.get(i + 1).isBlank()
                        && Character.isWhitespace(lines.get(i + 1).charAt(0))) {
                    reason.append(lines.get(++i).strip()).append(' ');
                }
                if (reason.isEmpty()) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": an entry needs its reason on the"
                            + " indented lines below it: " + text);
                }
                entries.add(new Entry(header, reason.toString().strip(), i + 1));
            }
            return entries;
        }

        boolean matchesSignature(MutationDetails mutation) {
            String id = mutation.getMutator();
            return mutation.getClassName().asJavaName().equals(className) && mutation.getMethod().equals(method)
                    && id.substring(id.lastIndexOf('.') + 1).equals(mutator);
        }

        boolean matchesLine(String source) {
            return source.contains(fragment);
        }

        @Override
        public String toString() {
            return "line " + line + " (" + className + "#" + method + " " + mutator + (occurrence > 0 ? "@" + occurrence : "") + " `" + fragment
                    + "`)";
        }
    }
}
