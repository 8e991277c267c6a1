package dev.fakesmtp.junit5.internal;

import dev.fakesmtp.FakeSmtpServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * When servers start, reset and stop: a class's static servers before its first test, a test's
 * own servers before it, shared servers locked and reset around each test. Closing is left to
 * JUnit, which closes each {@link ServerScope} with the context that owns it.
 */
public final class ServerLifecycle {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ServerLifecycle.class);
    private static final String STATIC_OWNERS = "static-owners";

    private ServerLifecycle() {
    }

    /** Before a class's tests: starts its static servers, and its instance servers with PER_CLASS. */
    public static void beforeClass(ExtensionContext classContext) {
        startStaticServers(classContext);
        if (classContext.getTestInstanceLifecycle().orElse(null) == TestInstance.Lifecycle.PER_CLASS) {
            startInstanceServers(classContext);
        }
    }

    /** Before a test: starts its own servers, then locks and resets the servers it shares. */
    public static void beforeTest(ExtensionContext testContext) {
        startInstanceServers(testContext);
        startPerTestServers(testContext);
        ServerScope own = Scopes.own(testContext);
        for (ManagedServer shared : Scopes.shared(testContext)) {
            own.lockShared(shared);
            shared.server().reset();
        }
    }

    /**
     * After a test: fails the test when a server that checks violations recorded any, writes the
     * mail report where one is asked for (while the shared servers are still this test's), and
     * lets the next test use the shared servers.
     */
    public static void afterTest(ExtensionContext testContext) {
        try {
            List<ManagedServer> visible = Scopes.visible(testContext);
            AssertionError violations = null;
            try {
                ViolationReport.check(visible,
                        Scopes.testClasses(testContext).stream().anyMatch(Declarations::classWantsViolationChecks));
            } catch (AssertionError e) {
                violations = e;
            }
            MailReports.afterTest(testContext, visible, violations);
            if (violations != null) {
                throw violations;
            }
        } finally {
            Scopes.existing(testContext).ifPresent(ServerScope::releaseShared);
        }
    }

    /**
     * Makes sure every server this context may inject is running: static ones (a PER_CLASS
     * constructor runs before the class callbacks) and, in a test's context, its per-test ones.
     */
    static void prepareForInjection(ExtensionContext context) {
        List<ExtensionContext> lineage = Scopes.lineage(context);
        for (int i = lineage.size() - 1; i >= 0; i--) {
            if (lineage.get(i).getElement().filter(Class.class::isInstance).isPresent()) {
                startStaticServers(lineage.get(i));
            }
        }
        if (context.getTestMethod().isPresent()) {
            startPerTestServers(context);
        }
    }

    private static void startStaticServers(ExtensionContext classContext) {
        for (ServerDeclaration declaration : Declarations.staticFields(classContext.getRequiredTestClass())) {
            Class<?> declaringClass = declaration.annotatedField().orElseThrow().getDeclaringClass();
            ExtensionContext owner = Scopes.staticOwner(classContext, declaringClass);
            FakeSmtpServer server = Declarations.read(declaration, null);
            claimStatic(owner, declaration, server);
            Scopes.own(owner).adopt(declaration, server);
        }
    }

    private static void startInstanceServers(ExtensionContext context) {
        context.getTestInstances().ifPresent(instances -> {
            for (Object instance : instances.getAllInstances()) {
                for (ServerDeclaration declaration : Declarations.instanceFields(instance.getClass())) {
                    FakeSmtpServer server = Declarations.read(declaration, instance);
                    if (Scopes.managing(context, server).isEmpty()) {
                        Scopes.own(context).adopt(declaration, server);
                    }
                }
            }
        });
    }

    /** The class-level servers: one per name over the test's classes, fresh for each test. */
    private static void startPerTestServers(ExtensionContext testContext) {
        Map<String, ServerDeclaration> wanted = new LinkedHashMap<>();
        for (Class<?> testClass : Scopes.testClasses(testContext)) {
            Declarations.perTestServer(testClass).ifPresent(declaration -> wanted.putIfAbsent(declaration.name(), declaration));
        }
        if (wanted.isEmpty()) {
            return;
        }
        ServerScope own = Scopes.own(testContext);
        for (ServerDeclaration declaration : wanted.values()) {
            boolean started = own.servers().stream().anyMatch(managed -> managed.declaration().field() == null
                    && managed.declaration().name().equals(declaration.name()));
            if (!started) {
                FakeSmtpServer.Builder builder = FakeSmtpServer.builder();
                own.adopt(declaration, (declaration.webUi() ? builder.webUi() : builder).build());
            }
        }
    }

    /**
     * Records which context owns a static server, so that two owners (a concrete base class that
     * runs itself and closes the server, and a subclass that needs it later) fail every time
     * rather than only when the timing is unlucky.
     */
    // See Scopes.own for why the deprecated getOrComputeIfAbsent.
    @SuppressWarnings({"deprecation", "unchecked"})
    private static void claimStatic(ExtensionContext owner, ServerDeclaration declaration, FakeSmtpServer server) {
        ConcurrentMap<FakeSmtpServer, String> owners = owner.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(STATIC_OWNERS, key -> new ConcurrentHashMap<FakeSmtpServer, String>(),
                        ConcurrentMap.class);
        String claimed = owners.putIfAbsent(server, owner.getUniqueId());
        if (claimed != null && !Objects.equals(claimed, owner.getUniqueId())) {
            throw new ExtensionConfigurationException("@SmtpServer " + declaration.origin() + " is static and"
                    + " shared by several test classes, but its declaring class also runs as a test class of its own,"
                    + " which would close the server when it ends. Make "
                    + declaration.annotatedField().orElseThrow().getDeclaringClass().getSimpleName()
                    + " abstract, so that its subclasses share the server until the test run ends, or declare the"
                    + " field in each test class.");
        }
    }
}
