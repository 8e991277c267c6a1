package dev.fakesmtp.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.spring.app.MailApplication;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.ContextCustomizerFactory;

/** One server per cached context: shared for equal attributes, closed with the context. */
@Timeout(60)
class ContextLifecycleTest {

    @SpringBootTest(classes = MailApplication.class)
    @AutoConfigureFakeSmtp(hostname = "one.test")
    static class One { // ContextClosePortTest loads it too
    }

    @SpringBootTest(classes = MailApplication.class)
    @AutoConfigureFakeSmtp(hostname = "one.test")
    static class SameAsOne {
    }

    @SpringBootTest(classes = MailApplication.class)
    @AutoConfigureFakeSmtp(hostname = "two.test")
    static class Two {
    }

    @SpringBootTest(classes = MailApplication.class)
    @AutoConfigureFakeSmtp(hostname = "one.test", username = "shop", password = "s3cret")
    static class OneWithLogin {
    }

    @SpringBootTest(classes = MailApplication.class)
    static class WithoutFakeSmtp {
    }

    /** A customizer that runs after ours and fails, before the context is ever refreshed. */
    @SpringBootTest(classes = MailApplication.class)
    @AutoConfigureFakeSmtp
    @ContextCustomizerFactories(FailsAfterFakeSmtp.class)
    static class LaterCustomizerFails {
    }

    static final class FailsAfterFakeSmtp implements ContextCustomizerFactory {
        static final List<FakeSmtpServer> SEEN = new CopyOnWriteArrayList<>();

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                List<ContextConfigurationAttributes> configAttributes) {
            return (context, mergedConfig) -> {
                SEEN.add(context.getBeanFactory().getBean(FakeSmtpServer.class));
                throw new IllegalStateException("a later customizer fails");
            };
        }
    }

    private final PrivateContextCache contexts = new PrivateContextCache(8);

    @AfterEach
    void closeContexts() {
        contexts.clear();
    }

    @Test
    void equalAttributesGiveEqualCustomizers() {
        FakeSmtpContextCustomizerFactory factory = new FakeSmtpContextCustomizerFactory();
        ContextCustomizer one = factory.createContextCustomizer(One.class, List.of());
        ContextCustomizer sameAsOne = factory.createContextCustomizer(SameAsOne.class, List.of());

        assertThat(one).isEqualTo(sameAsOne).hasSameHashCodeAs(sameAsOne);
        assertThat(one).isNotEqualTo(factory.createContextCustomizer(Two.class, List.of()));
        assertThat(one).isNotEqualTo(factory.createContextCustomizer(OneWithLogin.class, List.of()));
        assertThat(factory.createContextCustomizer(WithoutFakeSmtp.class, List.of())).isNull();
        assertThat(one.toString()).doesNotContain("s3cret");
        assertThat(factory.createContextCustomizer(OneWithLogin.class, List.of()).toString()).doesNotContain("s3cret");
    }

    @Test
    void equalAttributesShareOneContextAndOneServer() {
        ApplicationContext one = contexts.load(One.class);
        ApplicationContext sameAsOne = contexts.load(SameAsOne.class);

        assertThat(sameAsOne).isSameAs(one);
        assertThat(sameAsOne.getBean(FakeSmtpServer.class)).isSameAs(one.getBean(FakeSmtpServer.class));
        assertThat(contexts.size()).isEqualTo(1);
    }

    @Test
    void differentAttributesGiveDifferentContextsAndServers() {
        FakeSmtpServer one = contexts.load(One.class).getBean(FakeSmtpServer.class);
        FakeSmtpServer two = contexts.load(Two.class).getBean(FakeSmtpServer.class);
        FakeSmtpServer withLogin = contexts.load(OneWithLogin.class).getBean(FakeSmtpServer.class);

        assertThat(List.of(one.hostname(), two.hostname(), withLogin.hostname()))
                .containsExactly("one.test", "two.test", "one.test");
        assertThat(List.of(one.port(), two.port(), withLogin.port())).doesNotHaveDuplicates();
        assertThat(contexts.size()).isEqualTo(3);
    }

    /** That the port is free then is ContextClosePortTest's, which runs alone: a freed port is anyone's. */
    @Test
    void closingTheContextClosesTheServer() {
        FakeSmtpServer server = contexts.load(One.class).getBean(FakeSmtpServer.class);

        contexts.close(One.class);

        assertThat(server.isRunning()).isFalse();
        assertThat(server.isClosed()).isTrue();
        assertThat(contexts.size()).isZero();
    }

    /**
     * Nobody closes a context that failed before its refresh, so the server must not be running
     * before the refresh: it starts when the context refreshes, or never.
     */
    @Test
    void aCustomizerThatFailsAfterOursLeavesNoServerRunning() {
        FailsAfterFakeSmtp.SEEN.clear();
        try {
            assertThatThrownBy(() -> contexts.load(LaterCustomizerFails.class))
                    .hasStackTraceContaining("a later customizer fails");

            assertThat(FailsAfterFakeSmtp.SEEN).as("the server our customizer registered").singleElement()
                    .satisfies(server -> assertThat(server.isRunning()).as("running after the failed load").isFalse());
        } finally {
            FailsAfterFakeSmtp.SEEN.forEach(FakeSmtpServer::close);
        }
    }

    @Test
    void aContextEvictedFromAFullCacheClosesItsServer() {
        PrivateContextCache single = new PrivateContextCache(1);
        try {
            FakeSmtpServer one = single.load(One.class).getBean(FakeSmtpServer.class);
            FakeSmtpServer two = single.load(Two.class).getBean(FakeSmtpServer.class);

            assertThat(one.isRunning()).isFalse();
            assertThat(two.isRunning()).isTrue();
        } finally {
            single.clear();
        }
    }
}
