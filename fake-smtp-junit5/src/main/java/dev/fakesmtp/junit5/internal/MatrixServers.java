package dev.fakesmtp.junit5.internal;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.junit5.Report;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Finds the server a failure-matrix run fails: the one {@code @SmtpServer} gives the test, else
 * the Spring test context's, else one the test instance holds in a field, else a fresh one. The
 * last three join the run's own server scope, so {@code FakeSmtpServer} and {@code Mailbox}
 * parameters resolve to them; only the fresh one is closed with the run.
 */
final class MatrixServers {

    private MatrixServers() {
    }

    static FakeSmtpServer serverFor(ExtensionContext context, String where) {
        List<ManagedServer> declared = Scopes.visible(context);
        if (declared.size() == 1) {
            return declared.get(0).server(); // @SmtpServer started it fresh, or reset it for this run
        }
        if (declared.size() > 1) {
            throw new ExtensionConfigurationException(where + " fails one server, but " + declared.size()
                    + " are available (" + declared.stream().map(ManagedServer::toString).collect(Collectors.joining(", "))
                    + "). Give the matrix test a class of its own with one server.");
        }
        Optional<FakeSmtpServer> spring = SpringServers.of(context, where);
        if (spring.isPresent()) {
            return borrow(context, spring.get(), "the Spring test's application context", where);
        }
        List<FakeSmtpServer> held = heldInFields(context);
        if (held.size() > 1) {
            throw new ExtensionConfigurationException(where + " fails one server, but the test instance holds "
                    + held.size() + " running servers in fields. Give the matrix test a class of its own with one.");
        }
        if (held.size() == 1) {
            return borrow(context, held.get(0), "a FakeSmtpServer field", where);
        }
        return Scopes.own(context).adopt(new ServerDeclaration("", where, false, null, Report.ON_FAILURE, false),
                FakeSmtpServer.builder().build()).server();
    }

    /** Resets a server someone else owns, and makes it the run's: injectable, never closed by the run. */
    private static FakeSmtpServer borrow(ExtensionContext context, FakeSmtpServer server, String from, String where) {
        server.reset(); // its owner may not reset it between runs
        Scopes.own(context).borrow(new ServerDeclaration("", from + " (" + where + ")", false, null, Report.ON_FAILURE, false), server);
        return server;
    }

    /** The distinct running servers in the fields (static or not) of the test instances. */
    private static List<FakeSmtpServer> heldInFields(ExtensionContext context) {
        List<FakeSmtpServer> servers = new ArrayList<>();
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            List<Field> fields = ReflectionSupport.findFields(instance.getClass(),
                    field -> field.getType() == FakeSmtpServer.class, HierarchyTraversalMode.TOP_DOWN);
            for (Field field : fields) {
                Object value = ReflectionSupport.tryToReadFieldValue(field,
                        ModifierSupport.isStatic(field) ? null : instance).toOptional().orElse(null);
                if (value instanceof FakeSmtpServer server && server.isRunning()
                        && servers.stream().noneMatch(known -> known == server)) {
                    servers.add(server);
                }
            }
        }
        return servers;
    }
}
