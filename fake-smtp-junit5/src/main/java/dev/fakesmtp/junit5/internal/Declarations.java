package dev.fakesmtp.junit5.internal;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.junit5.Report;
import dev.fakesmtp.junit5.SmtpServer;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Reads the {@code @SmtpServer} declarations of a test class: which fields hold servers, whether
 * the class wants a per-test default server, and what a field holds. Every misuse it finds is an
 * {@link ExtensionConfigurationException} that says how to fix it.
 */
public final class Declarations {

    private Declarations() {
    }

    /** The class's (and its superclasses') static server fields, superclass fields first. */
    public static List<ServerDeclaration> staticFields(Class<?> testClass) {
        return fields(testClass, true);
    }

    /** The class's (and its superclasses') instance server fields, superclass fields first. */
    public static List<ServerDeclaration> instanceFields(Class<?> testClass) {
        return fields(testClass, false);
    }

    /**
     * The per-test default server a class-level {@code @SmtpServer} asks for; empty when the class
     * has no class-level annotation or declares server fields (their servers are then the ones).
     */
    public static Optional<ServerDeclaration> perTestServer(Class<?> testClass) {
        Optional<SmtpServer> annotation = AnnotationSupport.findAnnotation(testClass, SmtpServer.class);
        if (annotation.isEmpty() || !annotatedFields(testClass).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ServerDeclaration(annotation.get().value(),
                "class-level @SmtpServer on " + testClass.getName(), annotation.get().failOnViolations(), null,
                annotation.get().report(), annotation.get().webUi()));
    }

    /** Whether the class's own (or inherited, or composed) {@code @SmtpServer} asks for violation checks. */
    public static boolean classWantsViolationChecks(Class<?> testClass) {
        return AnnotationSupport.findAnnotation(testClass, SmtpServer.class).map(SmtpServer::failOnViolations)
                .orElse(false);
    }

    /**
     * The server a declared field holds.
     *
     * @param instance the test instance, or null for a static field
     * @throws ExtensionConfigurationException if the field is null or cannot be read
     */
    public static FakeSmtpServer read(ServerDeclaration declaration, Object instance) {
        Field field = declaration.annotatedField().orElseThrow();
        Object value = ReflectionSupport.tryToReadFieldValue(field, instance)
                .getOrThrow(e -> new ExtensionConfigurationException("Cannot read @SmtpServer "
                        + declaration.origin() + ": " + e.getMessage(), e));
        if (value == null) {
            throw new ExtensionConfigurationException("@SmtpServer " + declaration.origin() + " is null. Build the"
                    + " server where the field is declared, e.g. '" + example(field) + "', or remove the field and"
                    + " put @SmtpServer on the class for a default server per test.");
        }
        return (FakeSmtpServer) value;
    }

    private static List<ServerDeclaration> fields(Class<?> testClass, boolean statics) {
        Optional<SmtpServer> onClass = AnnotationSupport.findAnnotation(testClass, SmtpServer.class);
        List<Field> fields = annotatedFields(testClass);
        if (onClass.isPresent() && !onClass.get().value().isEmpty() && !fields.isEmpty()) {
            throw new ExtensionConfigurationException("@SmtpServer(\"" + onClass.get().value() + "\") on "
                    + testClass.getName() + " names a per-test server, but the class declares @SmtpServer fields, so"
                    + " their servers are the ones it gets. Remove the name from the class annotation, or name the"
                    + " fields: @SmtpServer(\"name\") FakeSmtpServer field.");
        }
        List<ServerDeclaration> declarations = new ArrayList<>();
        for (Field field : fields) {
            requireServerType(field);
            if (ModifierSupport.isStatic(field) != statics) {
                continue;
            }
            SmtpServer annotation = AnnotationSupport.findAnnotation(field, SmtpServer.class).orElseThrow();
            String name = annotation.value().isEmpty() ? field.getName() : annotation.value();
            String origin = "field " + field.getDeclaringClass().getName() + "." + field.getName();
            // A field left at the default report mode follows its class's annotation.
            Report report = annotation.report() != Report.ON_FAILURE || onClass.isEmpty() ? annotation.report()
                    : onClass.get().report();
            declarations.add(new ServerDeclaration(name, origin, annotation.failOnViolations(), field, report,
                    annotation.webUi()));
        }
        return declarations;
    }

    private static List<Field> annotatedFields(Class<?> testClass) {
        return AnnotationSupport.findAnnotatedFields(testClass, SmtpServer.class);
    }

    private static void requireServerType(Field field) {
        Class<?> type = field.getType();
        if (type == FakeSmtpServer.class) {
            return;
        }
        String where = "@SmtpServer field " + field.getDeclaringClass().getName() + "." + field.getName();
        String fix;
        if (type == FakeSmtpServer.Builder.class) {
            fix = "Call build() on the builder and declare the field as FakeSmtpServer: '" + example(field) + "'.";
        } else if (type == Mailbox.class) {
            fix = "Annotate a FakeSmtpServer field instead and take its mailbox with server.mailbox(), or declare"
                    + " a Mailbox parameter on the test method.";
        } else {
            fix = "Declare it as FakeSmtpServer: '" + example(field) + "'.";
        }
        throw new ExtensionConfigurationException(where + " has type " + type.getName()
                + ", but @SmtpServer fields must be of type " + FakeSmtpServer.class.getName() + ". " + fix);
    }

    private static String example(Field field) {
        return (ModifierSupport.isStatic(field) ? "static " : "") + "FakeSmtpServer " + field.getName()
                + " = FakeSmtpServer.builder().build();";
    }
}
