package dev.fakesmtp.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.support.AngusMail;
import dev.fakesmtp.support.Fixture;
import dev.fakesmtp.support.Kit;
import dev.fakesmtp.support.SmtpDialogue;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Annotations and server fields inherited from base test classes. */
@Timeout(10)
class InheritanceTest {

    @Test
    void aClassLevelAnnotationOnABaseClassIsInherited() {
        Kit.run(InheritsClassAnnotation.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void anInheritedInstanceFieldIsStartedForEachTest() {
        Kit.run(InheritsInstanceField.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void anInheritedStaticFieldIsOneServerForAllSubclassesEvenInParallel() {
        EngineExecutionResults results = Kit.runInParallel(4, FirstSubclass.class, SecondSubclass.class);

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
        assertThat(SharedBase.SEEN).hasSize(4).containsOnly(SharedBase.smtp);
        assertThat(SharedBase.smtp.isRunning()).as("closed when the run ended").isFalse();
    }

    @Test
    void aConcreteBaseClassThatRunsItselfCannotShareItsStaticServer() {
        EngineExecutionResults results = Kit.run(ConcreteBase.class, SubOfConcreteBase.class);

        assertThat(Kit.failureMessages(results.containerEvents())).singleElement().asString()
                .contains("@SmtpServer field " + ConcreteBase.class.getName() + ".smtp is static and shared by"
                        + " several test classes")
                .contains("Make ConcreteBase abstract");
    }

    @SmtpServer
    abstract static class AnnotatedBase {
    }

    @Fixture
    static class InheritsClassAnnotation extends AnnotatedBase {
        @Test
        void getsAServer(FakeSmtpServer smtp) {
            assertThat(smtp.isRunning()).isTrue();
        }
    }

    abstract static class FieldBase {
        @SmtpServer
        FakeSmtpServer smtp = FakeSmtpServer.builder().hostname("base.test").build();
    }

    @Fixture
    static class InheritsInstanceField extends FieldBase {
        @Test
        void getsTheBaseServer(FakeSmtpServer server) {
            assertThat(server).isSameAs(smtp);
            try (SmtpDialogue client = SmtpDialogue.connect(server)) {
                client.expect("220 base.test "); // started by the extension, as configured
            }
        }
    }

    abstract static class SharedBase {
        static final List<FakeSmtpServer> SEEN = new CopyOnWriteArrayList<>();

        @SmtpServer
        static FakeSmtpServer smtp = FakeSmtpServer.builder().build();

        @Test
        void one(Mailbox mailbox) {
            check(mailbox);
        }

        @Test
        void two(Mailbox mailbox) {
            check(mailbox);
        }

        private void check(Mailbox mailbox) {
            SEEN.add(smtp);
            assertThat(mailbox.messages()).as("reset before each test, and no other test in between").isEmpty();
            AngusMail.send(smtp, "a@example.com", "b@example.com", getClass().getSimpleName(), "text");
            assertThat(mailbox.messages()).hasSize(1);
        }
    }

    @Fixture
    static class FirstSubclass extends SharedBase {
    }

    @Fixture
    static class SecondSubclass extends SharedBase {
    }

    @Fixture
    static class ConcreteBase {
        @SmtpServer
        static FakeSmtpServer smtp = FakeSmtpServer.builder().build();

        @Test
        void test() {
        }
    }

    @Fixture
    static class SubOfConcreteBase extends ConcreteBase {
    }
}
