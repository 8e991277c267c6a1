package dev.fakesmtp.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.support.AngusMail;
import dev.fakesmtp.support.Fixture;
import dev.fakesmtp.support.Kit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code @Nested} classes see the servers of their enclosing classes. */
@SmtpServer
@Timeout(10)
class NestedTest {

    FakeSmtpServer outerServer;

    @BeforeEach
    void outerSetUp(FakeSmtpServer smtp) {
        outerServer = smtp;
    }

    @Nested
    class Inner {
        @Test
        void seesTheEnclosingClassLevelServer(FakeSmtpServer smtp, Mailbox mailbox) {
            assertThat(smtp).isSameAs(outerServer);
            assertThat(smtp.isRunning()).isTrue();
            assertThat(mailbox).isSameAs(smtp.mailbox());
        }

        @Nested
        class Deeper {
            @Test
            void stillSeesIt(FakeSmtpServer smtp) {
                assertThat(smtp).isSameAs(outerServer);
            }
        }
    }

    @Test
    void nestedClassesShareAnEnclosingStaticServerAndItIsResetForEachOfTheirTests() {
        Kit.run(OuterWithStatic.class).testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));

        assertThat(OuterWithStatic.SEEN).hasSize(3).containsOnly(OuterWithStatic.smtp);
        assertThat(OuterWithStatic.smtp.isRunning()).isFalse();
    }

    @Test
    void anInnerClassCanAddItsOwnServerAndQualifyBetweenThem() {
        Kit.run(InnerAddsAServer.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Fixture
    static class OuterWithStatic {
        static final List<FakeSmtpServer> SEEN = new CopyOnWriteArrayList<>();

        @SmtpServer
        static FakeSmtpServer smtp = FakeSmtpServer.builder().build();

        @Test
        void outer(Mailbox mailbox) {
            SEEN.add(smtp);
            assertThat(mailbox.messages()).isEmpty();
            AngusMail.send(smtp, "a@example.com", "b@example.com", "outer", "text");
        }

        @Nested
        class Inner {
            @Test
            void first(FakeSmtpServer server) {
                SEEN.add(server);
                assertThat(server.mailbox().messages()).isEmpty();
                AngusMail.send(server, "a@example.com", "b@example.com", "inner", "text");
            }

            @Test
            void second(FakeSmtpServer server) {
                SEEN.add(server);
                assertThat(server.mailbox().messages()).isEmpty();
                AngusMail.send(server, "a@example.com", "b@example.com", "inner", "text");
            }
        }
    }

    @Fixture
    @SmtpServer("outer")
    static class InnerAddsAServer {
        @Nested
        class Inner {
            @SmtpServer
            FakeSmtpServer special = FakeSmtpServer.builder().hostname("special.test").build();

            @Test
            void picksEither(@SmtpServer("outer") FakeSmtpServer outer, @SmtpServer("special") FakeSmtpServer inner) {
                assertThat(inner).isSameAs(special);
                assertThat(outer).isNotSameAs(special);
                assertThat(outer.isRunning()).isTrue();
            }
        }
    }
}
