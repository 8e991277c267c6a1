package dev.fakesmtp.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.support.AngusMail;
import dev.fakesmtp.support.Fixture;
import dev.fakesmtp.support.Kit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each invocation of a {@code @ParameterizedTest} or {@code @RepeatedTest} is a test of its own. */
@Timeout(10)
class TestTemplatesTest {

    @SmtpServer
    static FakeSmtpServer shared = FakeSmtpServer.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"alice@example.com", "bob@example.com", "carol@example.com"})
    void eachInvocationStartsWithAnEmptyMailbox(String recipient, Mailbox mailbox) {
        assertThat(mailbox.messages()).isEmpty();
        AngusMail.send(shared, "app@example.com", recipient, "Hi", "text");
        assertThat(mailbox.messagesTo(recipient)).hasSize(1);
    }

    @RepeatedTest(3)
    void eachRepetitionStartsWithAnEmptyMailbox(Mailbox mailbox) {
        assertThat(mailbox.messages()).isEmpty();
        AngusMail.send(shared, "app@example.com", "bob@example.com", "Hi", "text");
    }

    @Test
    void aClassLevelServerIsFreshForEveryInvocation() {
        Kit.run(PerInvocation.class).testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));

        assertThat(PerInvocation.SEEN).hasSize(4).doesNotHaveDuplicates().noneMatch(FakeSmtpServer::isRunning);
    }

    @Test
    void aParameterizedClassSharesItsStaticServerAcrossItsInvocations() {
        Kit.run(ParameterizedFixture.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(ParameterizedFixture.SEEN).hasSize(2).containsOnly(ParameterizedFixture.smtp);
        assertThat(ParameterizedFixture.smtp.isRunning()).isFalse();
    }

    @Fixture
    @SmtpServer
    static class PerInvocation {
        static final List<FakeSmtpServer> SEEN = new CopyOnWriteArrayList<>();

        @ParameterizedTest
        @ValueSource(ints = {1, 2})
        void parameterized(int number, FakeSmtpServer smtp) {
            SEEN.add(smtp);
        }

        @RepeatedTest(2)
        void repeated(FakeSmtpServer smtp) {
            SEEN.add(smtp);
        }
    }

    @Fixture
    @ParameterizedClass
    @ValueSource(strings = {"first", "second"})
    static class ParameterizedFixture {
        static final List<FakeSmtpServer> SEEN = new CopyOnWriteArrayList<>();

        @SmtpServer
        static FakeSmtpServer smtp = FakeSmtpServer.builder().build();

        private final String subject;

        ParameterizedFixture(String subject) {
            this.subject = subject;
        }

        @Test
        void test(Mailbox mailbox) {
            SEEN.add(smtp);
            assertThat(mailbox.messages()).isEmpty();
            AngusMail.send(smtp, "app@example.com", "bob@example.com", subject, "text");
        }
    }
}
