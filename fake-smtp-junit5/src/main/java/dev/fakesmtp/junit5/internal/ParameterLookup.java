package dev.fakesmtp.junit5.internal;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.junit5.SmtpServer;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * Resolves {@code FakeSmtpServer} and {@code Mailbox} parameters: the only server in sight, or
 * the one a {@code @SmtpServer("name")} qualifier names. When that is impossible the exception
 * says which servers there are and what to write instead.
 */
public final class ParameterLookup {

    private ParameterLookup() {
    }

    /** Whether the parameter is ours: a server or mailbox type, or annotated with {@code @SmtpServer}. */
    public static boolean supports(ParameterContext parameter) {
        Class<?> type = parameter.getParameter().getType();
        return type == FakeSmtpServer.class || type == Mailbox.class || parameter.isAnnotated(SmtpServer.class);
    }

    /** The server or its mailbox for this parameter. */
    public static Object resolve(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        Optional<SmtpServer> qualifier = parameter.findAnnotation(SmtpServer.class);
        if (type != FakeSmtpServer.class && type != Mailbox.class) {
            throw failure(parameter, "has type " + type.getName() + ", but @SmtpServer parameters must be"
                    + " FakeSmtpServer or Mailbox.");
        }
        if (qualifier.isPresent() && qualifier.get().failOnViolations()) {
            throw failure(parameter, "sets failOnViolations, which belongs where the server is declared:"
                    + " @SmtpServer(failOnViolations = true) on the test class or the FakeSmtpServer field.");
        }
        ServerLifecycle.prepareForInjection(context);
        String name = qualifier.map(SmtpServer::value).orElse("");
        FakeSmtpServer server = find(parameter, context, name).server();
        return type == Mailbox.class ? server.mailbox() : server;
    }

    private static ManagedServer find(ParameterContext parameter, ExtensionContext context, String name) {
        List<ManagedServer> visible = Scopes.visible(context);
        List<ManagedServer> candidates = name.isEmpty() ? visible : visible.stream()
                .filter(managed -> managed.declaration().name().equals(name)).collect(Collectors.toList());
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            String wanted = name.isEmpty() ? "no server is available here" : "no server named '" + name + "' is available here";
            throw failure(parameter, "cannot be resolved: " + wanted + available(visible) + ". "
                    + whyMissing(parameter, context));
        }
        if (!name.isEmpty()) {
            throw failure(parameter, "cannot be resolved: " + candidates.size() + " servers are named '" + name
                    + "'" + available(candidates) + ". Give them different names with @SmtpServer(\"...\") on the fields.");
        }
        throw failure(parameter, "cannot be resolved: " + candidates.size() + " servers are available"
                + available(candidates) + ". Pick one with a qualifier, e.g. @SmtpServer(\""
                + firstNamed(candidates) + "\") " + parameter.getParameter().getType().getSimpleName() + " "
                + exampleName(parameter) + ".");
    }

    private static String exampleName(ParameterContext parameter) {
        if (parameter.getParameter().isNamePresent()) {
            return parameter.getParameter().getName();
        }
        String type = parameter.getParameter().getType().getSimpleName();
        return Character.toLowerCase(type.charAt(0)) + type.substring(1);
    }

    private static String available(List<ManagedServer> servers) {
        if (servers.isEmpty()) {
            return "";
        }
        return " (" + servers.stream().map(ManagedServer::toString).collect(Collectors.joining(", ")) + ")";
    }

    private static String firstNamed(List<ManagedServer> servers) {
        return servers.stream().map(managed -> managed.declaration().name()).filter(n -> !n.isEmpty())
                .findFirst().orElse("name");
    }

    /** The likely reason nothing matched, with the fix. */
    private static String whyMissing(ParameterContext parameter, ExtensionContext context) {
        boolean perTestDeclared = Scopes.testClasses(context).stream()
                .anyMatch(testClass -> Declarations.perTestServer(testClass).isPresent());
        boolean instanceFieldsDeclared = Scopes.testClasses(context).stream()
                .anyMatch(testClass -> !Declarations.instanceFields(testClass).isEmpty());
        boolean inConstructor = parameter.getDeclaringExecutable() instanceof Constructor;
        if (context.getTestMethod().isEmpty() && (perTestDeclared || instanceFieldsDeclared)) {
            if (inConstructor && context.getTestInstanceLifecycle().orElse(null) == TestInstance.Lifecycle.PER_METHOD) {
                return "Each test gets its own server, and this JUnit version (before 5.12) builds the test instance"
                        + " outside the test's context. Take the server in @BeforeEach or the test method instead.";
            }
            return "Each test gets its own server, so there is none in " + where(parameter.getDeclaringExecutable())
                    + ". To share one server across the class, declare it as a static @SmtpServer field.";
        }
        if (instanceFieldsDeclared && inConstructor) {
            return "@SmtpServer instance fields are started after the constructor ran. Take the server in"
                    + " @BeforeEach or the test method, or make the field static.";
        }
        return "Put @SmtpServer on the test class for a default server per test, or on a FakeSmtpServer field"
                + " you configure (static: one server for the class).";
    }

    private static String where(Executable executable) {
        return executable instanceof Constructor ? "the constructor of a PER_CLASS test class"
                : "@BeforeAll, @AfterAll and other class-level methods";
    }

    private static ParameterResolutionException failure(ParameterContext parameter, String problem) {
        Executable executable = parameter.getDeclaringExecutable();
        String owner = executable instanceof Constructor ? "constructor of " + executable.getDeclaringClass().getName()
                : executable.getDeclaringClass().getName() + "." + executable.getName() + "()";
        return new ParameterResolutionException("Parameter [" + parameter.getParameter().getType().getSimpleName()
                + " " + parameter.getParameter().getName() + "] of " + owner + " " + problem);
    }
}
