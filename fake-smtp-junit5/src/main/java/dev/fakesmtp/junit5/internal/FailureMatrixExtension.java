package dev.fakesmtp.junit5.internal;

import dev.fakesmtp.FailureCase;
import dev.fakesmtp.junit5.SmtpFailureMatrix;
import java.lang.reflect.Method;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit extension behind {@link SmtpFailureMatrix}: one invocation per selected case of the
 * catalogue, and one report for them all, written when the test method's context closes (after
 * its last invocation). Stateless: the report lives in the method context's store.
 */
public final class FailureMatrixExtension implements TestTemplateInvocationContextProvider {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FailureMatrixExtension.class);

    /** Called by JUnit. */
    public FailureMatrixExtension() {
    }

    /** True for methods annotated (directly or through a composed annotation) with {@code @SmtpFailureMatrix}. */
    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getTestMethod(), SmtpFailureMatrix.class);
    }

    /** One invocation per selected case, in catalogue order. */
    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
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
