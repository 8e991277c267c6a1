package dev.fakesmtp.spring;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Registered in {@code META-INF/spring.factories}: gives each test class annotated (directly,
 * through a superclass, an enclosing class or a meta-annotation) with {@link AutoConfigureFakeSmtp}
 * a customizer; other test classes get none and their context keys stay as they were.
 */
final class FakeSmtpContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        AutoConfigureFakeSmtp annotation =
                TestContextAnnotationUtils.findMergedAnnotation(testClass, AutoConfigureFakeSmtp.class);
        return annotation == null ? null : new FakeSmtpContextCustomizer(FakeSmtpSettings.of(annotation));
    }
}
