package dev.fakesmtp.junit5.internal;

import dev.fakesmtp.FakeSmtpServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Finds the {@link ServerScope}s in JUnit's stores. Each context keeps its own scope under its
 * unique id, so a lookup in one context never returns an ancestor's scope by accident; walking
 * the parents gives everything a test can see: its own servers, then its classes', then the run's.
 */
final class Scopes {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Scopes.class);

    private Scopes() {
    }

    /** The scope owned by exactly this context, created on first use. */
    // getOrComputeIfAbsent is deprecated in JUnit 6 in favour of computeIfAbsent, which JUnit 5.10
    // to 5.12 lack; it is atomic, which a class scope needs when parallel tests resolve parameters.
    @SuppressWarnings("deprecation")
    static ServerScope own(ExtensionContext context) {
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(context.getUniqueId(), id -> new ServerScope(), ServerScope.class);
    }

    /** The scope this context owns, if it has one. */
    static Optional<ServerScope> existing(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NAMESPACE).get(context.getUniqueId(), ServerScope.class));
    }

    /** This context and its ancestors up to the engine's, innermost first. */
    static List<ExtensionContext> lineage(ExtensionContext context) {
        List<ExtensionContext> lineage = new ArrayList<>();
        for (ExtensionContext current = context; current != null; current = current.getParent().orElse(null)) {
            lineage.add(current);
        }
        return lineage;
    }

    /**
     * Every server this context sees: its own first, then its ancestors'. A server held by the
     * run (a static field inherited by several classes) is seen only by the classes that have
     * the field, however long it lives.
     */
    static List<ManagedServer> visible(ExtensionContext context) {
        List<Class<?>> testClasses = testClasses(context);
        List<ManagedServer> servers = new ArrayList<>();
        for (ExtensionContext current : lineage(context)) {
            existing(current).ifPresent(scope -> addDeclaredFor(testClasses, scope, servers));
        }
        return servers;
    }

    /**
     * The servers a test shares with other tests (those of its ancestors that it sees),
     * outermost first, so every test takes their locks in the same order.
     */
    static List<ManagedServer> shared(ExtensionContext testContext) {
        List<Class<?>> testClasses = testClasses(testContext);
        List<ExtensionContext> ancestors = lineage(testContext);
        Collections.reverse(ancestors);
        List<ManagedServer> servers = new ArrayList<>();
        for (ExtensionContext ancestor : ancestors.subList(0, ancestors.size() - 1)) {
            existing(ancestor).ifPresent(scope -> addDeclaredFor(testClasses, scope, servers));
        }
        return servers;
    }

    /**
     * Adds the scope's servers that these test classes declare or inherit. Only the run's scope
     * can hold others: it collects the inherited static fields of every class that ran so far.
     */
    private static void addDeclaredFor(List<Class<?>> testClasses, ServerScope scope, List<ManagedServer> servers) {
        for (ManagedServer managed : scope.servers()) {
            if (declaredFor(managed.declaration(), testClasses)) {
                servers.add(managed);
            }
        }
    }

    private static boolean declaredFor(ServerDeclaration declaration, List<Class<?>> testClasses) {
        if (declaration.field() == null) {
            return true; // a class-level server lives in the scope of a test of that class
        }
        Class<?> declaringClass = declaration.field().getDeclaringClass();
        return testClasses.stream().anyMatch(declaringClass::isAssignableFrom);
    }

    /** The managed server for this instance anywhere in the context's lineage. */
    static Optional<ManagedServer> managing(ExtensionContext context, FakeSmtpServer server) {
        for (ExtensionContext current : lineage(context)) {
            Optional<ManagedServer> found = existing(current).flatMap(scope -> scope.find(server));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The test classes of this context: the enclosing ones of a nested class first. */
    static List<Class<?>> testClasses(ExtensionContext context) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        List<ExtensionContext> lineage = lineage(context);
        Collections.reverse(lineage);
        for (ExtensionContext current : lineage) {
            current.getElement().filter(Class.class::isInstance).ifPresent(element -> classes.add((Class<?>) element));
        }
        return List.copyOf(classes);
    }

    /**
     * The context that owns a static field's server: the outermost one for the field's declaring
     * class (a class template's invocations share it), or the engine's when the field is inherited,
     * because then several test classes share one server, and a server starts only once.
     */
    static ExtensionContext staticOwner(ExtensionContext context, Class<?> declaringClass) {
        List<ExtensionContext> lineage = lineage(context);
        for (int i = lineage.size() - 1; i >= 0; i--) {
            if (lineage.get(i).getElement().filter(declaringClass::equals).isPresent()) {
                return lineage.get(i);
            }
        }
        return context.getRoot();
    }
}
