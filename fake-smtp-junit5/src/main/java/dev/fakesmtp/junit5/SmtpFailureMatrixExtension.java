package dev.fakesmtp.junit5;

import dev.fakesmtp.junit5.internal.FailureMatrixInvocations;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * The JUnit Jupiter extension behind {@link SmtpFailureMatrix}; the annotation registers it, so
 * tests never name it. It lives in the exported package because JUnit instantiates it, also
 * when the test runs on the module path. It keeps no state of its own.
 */
public final class SmtpFailureMatrixExtension implements TestTemplateInvocationContextProvider {

    /** Called by JUnit. */
    public SmtpFailureMatrixExtension() {
    }

    /** True for methods annotated (directly or through a composed annotation) with {@code @SmtpFailureMatrix}. */
    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return FailureMatrixInvocations.supports(context);
    }

    /** One invocation per selected case, in catalogue order, each with the case applied to its server. */
    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return FailureMatrixInvocations.of(context);
    }
}
