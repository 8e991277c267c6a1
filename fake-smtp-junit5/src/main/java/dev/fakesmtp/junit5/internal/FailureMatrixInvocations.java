package dev.fakesmtp.junit5.internal;

import dev.fakesmtp.FailureCase;
import dev.fakesmtp.junit5.SmtpFailureMatrix;
import java.lang.reflect.Method;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What the extension behind {@link SmtpFailureMatrix} does: one invocation per selected case of
 * the catalogue, and one report for them all, written when the test method's context closes
 * (after its last invocation). Stateless: the report lives in the method context's store.
 */
public final class FailureMatrixInvocations {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FailureMatrixInvocations.class);

    private FailureMatrixInvocations() {
    }

    /**
     * Whether the test method is a failure matrix.
     *
     * @param context the test method's context
     * @return true for methods annotated (directly or through a composed annotation) with {@code @SmtpFailureMatrix}
     */
    public static boolean supports(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getTestMethod(), SmtpFailureMatrix.class);
    }

    /**
     * The runs of a failure-matrix method.
     *
     * @param context the test method's context
     * @return one invocation per selected case, in catalogue order
     */
    public static Stream<TestTemplateInvocationContext> of(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        SmtpFailureMatrix matrix = AnnotationSupport.findAnnotation(method, SmtpFailureMatrix.class).orElseThrow();
        List<FailureCase> cases = MatrixSelection.select(matrix, method);
        MatrixReport report = report(context, method);
        return cases.stream().map(failure -> new MatrixInvocation(failure, report));
    }

    // getOrComputeIfAbsent is deprecated in JUnit 6 in favour of computeIfAbsent, which 5.10 to 5.12 lack.
    @SuppressWarnings("deprecation")
    private static MatrixReport report(ExtensionContext context, Method method) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(context.getUniqueId(),
                id -> new MatrixReport(context, method), MatrixReport.class);
    }
}
