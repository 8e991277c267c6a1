package dev.fakesmtp.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.support.Fixture;
import dev.fakesmtp.support.Kit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Events;

/** Misuse fails fast, with a message that says what to do. */
@Timeout(10)
class MisuseTest {

    @Test
    void aFieldOfTheWrongType() {
        assertConfigurationError(WrongType.class, "@SmtpServer field " + WrongType.class.getName() + ".smtp has type"
                + " java.lang.String, but @SmtpServer fields must be of type dev.fakesmtp.FakeSmtpServer."
                + " Declare it as FakeSmtpServer: 'static FakeSmtpServer smtp = FakeSmtpServer.builder().build();'");
    }

    @Test
    void aBuilderInsteadOfAServer() {
        assertConfigurationError(BuilderField.class, "Call build() on the builder and declare the field as"
                + " FakeSmtpServer: 'FakeSmtpServer smtp = FakeSmtpServer.builder().build();'");
    }

    @Test
    void anUninitialisedField() {
        assertConfigurationError(NullField.class, "@SmtpServer field " + NullField.class.getName() + ".smtp is null."
                + " Build the server where the field is declared, e.g. 'FakeSmtpServer smtp ="
                + " FakeSmtpServer.builder().build();', or remove the field and put @SmtpServer on the class");
    }

    @Test
    void aServerThatWasClosedAlready() {
        assertConfigurationError(ClosedServer.class, "@SmtpServer field " + ClosedServer.class.getName() + ".smtp"
                + " holds a server that was already closed, and a server starts only once.");
    }

    @Test
    void aServerThatCannotBind() {
        assertConfigurationError(PortInUse.class, "@SmtpServer field " + PortInUse.class.getName() + ".smtp could"
                + " not start: Cannot listen on 127.0.0.1:");
    }

    @Test
    void aNameOnTheClassWhenTheClassDeclaresFields() {
        assertConfigurationError(NamedClassWithFields.class, "@SmtpServer(\"mail\") on "
                + NamedClassWithFields.class.getName() + " names a per-test server, but the class declares"
                + " @SmtpServer fields");
    }

    @Test
    void aParameterOfTheWrongType() {
        assertParameterError(WrongParameterType.class, "has type java.lang.String, but @SmtpServer parameters must"
                + " be FakeSmtpServer or Mailbox.");
    }

    @Test
    void failOnViolationsOnAParameter() {
        assertParameterError(ViolationsOnParameter.class, "sets failOnViolations, which belongs where the server is"
                + " declared");
    }

    @Test
    void aServerParameterWithoutAnyServer() {
        assertParameterError(NoServer.class, "no server is available here. Put @SmtpServer on the test class for a"
                + " default server per test, or on a FakeSmtpServer field");
    }

    @Test
    void aPerTestServerInBeforeAll() {
        EngineExecutionResults results = Kit.run(PerTestServerInBeforeAll.class);

        assertThat(Kit.failures(results.containerEvents())).singleElement()
                .isInstanceOf(ParameterResolutionException.class).extracting(Throwable::getMessage).asString()
                .contains("Each test gets its own server, so there is none in @BeforeAll, @AfterAll and other"
                        + " class-level methods. To share one server across the class, declare it as a static"
                        + " @SmtpServer field.");
    }

    private static void assertConfigurationError(Class<?> fixture, String expected) {
        EngineExecutionResults results = Kit.run(fixture);
        Events failed = results.allEvents().failed();
        assertThat(Kit.failures(failed)).as("the class or its test fails").isNotEmpty().allSatisfy(failure ->
                assertThat(failure).isInstanceOf(ExtensionConfigurationException.class).hasMessageContaining(expected));
        results.testEvents().assertStatistics(stats -> stats.succeeded(0));
    }

    private static void assertParameterError(Class<?> fixture, String expected) {
        Events tests = Kit.run(fixture).testEvents();
        tests.assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(Kit.failures(tests)).singleElement().isInstanceOf(ParameterResolutionException.class)
                .extracting(Throwable::getMessage).asString().contains(expected);
    }

    @Fixture
    static class WrongType {
        @SmtpServer
        static String smtp = "smtp://localhost";

        @Test
        void test() {
        }
    }

    @Fixture
    static class BuilderField {
        @SmtpServer
        FakeSmtpServer.Builder smtp = FakeSmtpServer.builder();

        @Test
        void test() {
        }
    }

    @Fixture
    static class NullField {
        @SmtpServer
        FakeSmtpServer smtp;

        @Test
        void test() {
        }
    }

    @Fixture
    static class ClosedServer {
        @SmtpServer
        static FakeSmtpServer smtp = closedServer();

        @Test
        void test() {
        }

        private static FakeSmtpServer closedServer() {
            FakeSmtpServer server = FakeSmtpServer.builder().build().start();
            server.close();
            return server;
        }
    }

    @Fixture
    static class PortInUse {
        private static final ServerSocket TAKEN = takePort();

        @SmtpServer
        static FakeSmtpServer smtp = FakeSmtpServer.builder().port(TAKEN.getLocalPort()).build();

        @Test
        void test() {
        }

        @AfterAll
        static void freePort() throws IOException {
            TAKEN.close();
        }

        private static ServerSocket takePort() {
            try {
                return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Fixture
    @SmtpServer("mail")
    static class NamedClassWithFields {
        @SmtpServer
        static FakeSmtpServer smtp = FakeSmtpServer.builder().build();

        @Test
        void test() {
        }
    }

    @Fixture
    @SmtpServer
    static class WrongParameterType {
        @Test
        void test(@SmtpServer String smtp) {
        }
    }

    @Fixture
    @SmtpServer
    static class ViolationsOnParameter {
        @Test
        void test(@SmtpServer(failOnViolations = true) Mailbox mailbox) {
        }
    }

    @Fixture
    static class NoServer {
        @Test
        void test(@SmtpServer Mailbox mailbox) {
        }
    }

    @Fixture
    @SmtpServer
    static class PerTestServerInBeforeAll {
        @BeforeAll
        static void setUp(FakeSmtpServer smtp) {
        }

        @Test
        void test() {
        }
    }
}
