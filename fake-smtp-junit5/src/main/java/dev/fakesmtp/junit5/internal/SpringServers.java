package dev.fakesmtp.junit5.internal;

import dev.fakesmtp.FakeSmtpServer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The {@code FakeSmtpServer} bean of a Spring test's application context (the one
 * {@code @AutoConfigureFakeSmtp} wires into {@code spring.mail.*}). Through reflection: this
 * module does not depend on Spring, and most of its users have none.
 */
final class SpringServers {

    private static final String SPRING_EXTENSION = "org.springframework.test.context.junit.jupiter.SpringExtension";
    private static final String BEAN_FACTORY = "org.springframework.beans.factory.ListableBeanFactory";

    private SpringServers() {
    }

    /**
     * The context's server, when the test runs with Spring's extension.
     *
     * @throws ExtensionConfigurationException if it is a Spring test whose context has no server, or several
     */
    static Optional<FakeSmtpServer> of(ExtensionContext context, String where) {
        Optional<Class<?>> spring = springExtension(context);
        if (spring.isEmpty()) {
            return Optional.empty();
        }
        try {
            Object applicationContext = spring.get().getMethod("getApplicationContext", ExtensionContext.class)
                    .invoke(null, context);
            Class<?> beanFactory = Class.forName(BEAN_FACTORY, false, spring.get().getClassLoader());
            String[] names = (String[]) beanFactory.getMethod("getBeanNamesForType", Class.class)
                    .invoke(applicationContext, FakeSmtpServer.class);
            if (names.length != 1) {
                throw new ExtensionConfigurationException(where + " runs in a Spring test whose context has "
                        + (names.length == 0 ? "no FakeSmtpServer bean: add @AutoConfigureFakeSmtp (fake-smtp-spring),"
                        + " or declare the server with @SmtpServer" : names.length + " FakeSmtpServer beans "
                        + Arrays.toString(names) + ": it fails one"));
            }
            Method getBean = beanFactory.getMethod("getBean", String.class, Class.class);
            return Optional.of((FakeSmtpServer) getBean.invoke(applicationContext, names[0], FakeSmtpServer.class));
        } catch (InvocationTargetException e) {
            throw new ExtensionConfigurationException(where + " cannot get the Spring test's application context: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ExtensionConfigurationException(where + " cannot read the Spring test's application context"
                    + " (an unknown Spring version?): " + e, e);
        }
    }

    /** Spring's extension class, if one of the test's classes is registered with it. */
    private static Optional<Class<?>> springExtension(ExtensionContext context) {
        for (Class<?> testClass : Scopes.testClasses(context)) {
            for (ExtendWith extendWith : AnnotationSupport.findRepeatableAnnotations(testClass, ExtendWith.class)) {
                for (Class<?> extension : extendWith.value()) {
                    if (extension.getName().equals(SPRING_EXTENSION)) {
                        return Optional.of(extension);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
