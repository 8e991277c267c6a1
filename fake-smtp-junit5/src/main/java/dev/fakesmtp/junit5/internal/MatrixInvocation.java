package dev.fakesmtp.junit5.internal;

import dev.fakesmtp.FailureCase;
import java.util.List;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;

/** One run of a failure matrix: named after its case, with the extension that applies it. */
final class MatrixInvocation implements TestTemplateInvocationContext {

    private final FailureCase failure;
    private final MatrixReport report;

    MatrixInvocation(FailureCase failure, MatrixReport report) {
        this.failure = failure;
        this.report = report;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
        return failure.displayName();
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
        return List.of(new MatrixCaseExtension(failure, report));
    }
}
