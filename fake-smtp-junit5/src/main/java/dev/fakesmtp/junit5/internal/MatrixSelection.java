package dev.fakesmtp.junit5.internal;

import dev.fakesmtp.FailureCase;
import dev.fakesmtp.FailureCatalog;
import dev.fakesmtp.FailureKind;
import dev.fakesmtp.FailureStage;
import dev.fakesmtp.junit5.SmtpFailureMatrix;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Which cases a {@link SmtpFailureMatrix} selects; a typo in an id is an error, not an empty run. */
final class MatrixSelection {

    private MatrixSelection() {
    }

    static List<FailureCase> select(SmtpFailureMatrix matrix, Method method) {
        Set<String> known = FailureCatalog.all().stream().map(FailureCase::id).collect(Collectors.toSet());
        List<String> unknown = new ArrayList<>();
        for (String id : concat(matrix.include(), matrix.exclude())) {
            if (!known.contains(id)) {
                unknown.add(id);
            }
        }
        String where = "@SmtpFailureMatrix on " + method.getDeclaringClass().getName() + "." + method.getName() + "()";
        if (!unknown.isEmpty()) {
            throw new ExtensionConfigurationException(where + " names unknown failure cases " + unknown
                    + ". The ids: " + FailureCatalog.all().stream().map(FailureCase::id).collect(Collectors.joining(", ")));
        }
        Set<FailureKind> kinds = Set.of(matrix.kinds());
        Set<FailureStage> stages = Set.of(matrix.stages());
        Set<String> include = Set.of(matrix.include());
        Set<String> exclude = Set.of(matrix.exclude());
        List<FailureCase> selected = FailureCatalog.all().stream()
                .filter(failure -> kinds.isEmpty() || kinds.contains(failure.kind()))
                .filter(failure -> stages.isEmpty() || stages.contains(failure.stage()))
                .filter(failure -> include.isEmpty() || include.contains(failure.id()))
                .filter(failure -> !exclude.contains(failure.id()))
                .toList();
        if (selected.isEmpty()) {
            throw new ExtensionConfigurationException(where + " selects no failure case: kinds " + kinds
                    + ", stages " + stages + ", include " + include + ", exclude " + exclude + " leave none.");
        }
        return selected;
    }

    private static List<String> concat(String[] first, String[] second) {
        List<String> all = new ArrayList<>(Arrays.asList(first));
        all.addAll(Arrays.asList(second));
        return all;
    }
}
