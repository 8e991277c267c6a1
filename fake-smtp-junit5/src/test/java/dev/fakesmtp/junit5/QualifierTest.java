package dev.fakesmtp.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.support.AngusMail;
import dev.fakesmtp.support.Fixture;
import dev.fakesmtp.support.Kit;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.Events;

/** Several servers in one class: a parameter qualifier picks one by name. */
@Timeout(10)
class QualifierTest {

    @SmtpServer("inbound")
    static FakeSmtpServer inboundServer = FakeSmtpServer.builder().hostname("in.test").build();

    @SmtpServer
    FakeSmtpServer outbound = FakeSmtpServer.builder().hostname("out.test").build();

    @Test
    void aQualifierPicksTheServerByItsNameOrItsFieldName(@SmtpServer("inbound") FakeSmtpServer in,
            @SmtpServer("outbound") FakeSmtpServer out, @SmtpServer("outbound") Mailbox outMailbox) {
        assertThat(in).isSameAs(inboundServer);
        assertThat(out).isSameAs(outbound);
        assertThat(outMailbox).isSameAs(outbound.mailbox());
    }

    @Test
    void mailGoesOnlyToTheServerItWasSentTo(@SmtpServer("inbound") Mailbox in, @SmtpServer("outbound") Mailbox out) {
        AngusMail.send(outbound, "app@example.com", "bob@example.com", "out", "text");

        assertThat(out.awaitMessages(1, Duration.ofSeconds(5))).hasSize(1);
        assertThat(in.messages()).isEmpty();
    }

    @Test
    void anUnqualifiedParameterIsAmbiguousAndTheMessageSaysHowToPick() {
        Events tests = Kit.run(Ambiguous.class).testEvents();

        tests.assertStatistics(stats -> stats.failed(1));
        assertThat(Kit.failureMessages(tests)).singleElement().asString()
                .contains("2 servers are available")
                .contains("'inbound' (field " + Ambiguous.class.getName() + ".inbound)")
                .contains("'outbound' (field " + Ambiguous.class.getName() + ".outbound)")
                .containsPattern("Pick one with a qualifier, e\\.g\\. @SmtpServer\\(\"(in|out)bound\"\\) Mailbox mailbox\\.");
    }

    @Test
    void anUnknownNameListsTheServersThereAre() {
        Events tests = Kit.run(UnknownName.class).testEvents();

        tests.assertStatistics(stats -> stats.failed(1));
        assertThat(Kit.failureMessages(tests)).singleElement().asString()
                .contains("no server named 'imbound' is available here")
                .contains("'inbound' (field " + UnknownName.class.getName() + ".inbound)");
    }

    @Fixture
    static class Ambiguous {
        @SmtpServer
        static FakeSmtpServer inbound = FakeSmtpServer.builder().build();
        @SmtpServer
        static FakeSmtpServer outbound = FakeSmtpServer.builder().build();

        @Test
        void test(Mailbox mailbox) {
        }
    }

    @Fixture
    static class UnknownName {
        @SmtpServer
        static FakeSmtpServer inbound = FakeSmtpServer.builder().build();

        @Test
        void test(@SmtpServer("imbound") Mailbox mailbox) {
        }
    }
}
