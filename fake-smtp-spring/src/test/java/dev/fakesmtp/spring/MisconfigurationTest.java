package dev.fakesmtp.spring;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.spring.app.MailApplication;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Configurations that cannot work fail when the context loads, with a message that says why. */
@Timeout(60)
class MisconfigurationTest {

    @AutoConfigureFakeSmtp(startTls = true, implicitTls = true)
    static class BothTlsModes {
    }

    @AutoConfigureFakeSmtp(password = "s3cret")
    static class PasswordWithoutUser {
    }

    @SpringBootTest(classes = {MailApplication.class, BeanAndAttributes.Smtp.class})
    @AutoConfigureFakeSmtp(startTls = true)
    static class BeanAndAttributes {
        @TestConfiguration(proxyBeanMethods = false)
        static class Smtp {
            @Bean
            FakeSmtpServer smtp() {
                return FakeSmtpServer.builder().build();
            }
        }
    }

    @SpringBootTest(classes = {MailApplication.class, TwoBeans.Smtp.class})
    @AutoConfigureFakeSmtp
    static class TwoBeans {
        @TestConfiguration(proxyBeanMethods = false)
        static class Smtp {
            @Bean
            FakeSmtpServer first() {
                return FakeSmtpServer.builder().build();
            }

            @Bean
            FakeSmtpServer second() {
                return FakeSmtpServer.builder().build();
            }
        }
    }

    @SpringBootTest(classes = {MailApplication.class, UnknownTrust.Smtp.class})
    @AutoConfigureFakeSmtp
    static class UnknownTrust {
        @TestConfiguration(proxyBeanMethods = false)
        static class Smtp {
            @Bean
            FakeSmtpServer smtp() throws NoSuchAlgorithmException {
                return FakeSmtpServer.builder().startTls().sslContext(SSLContext.getDefault()).build();
            }
        }
    }

    private final PrivateContextCache contexts = new PrivateContextCache(4);
    private final FakeSmtpContextCustomizerFactory factory = new FakeSmtpContextCustomizerFactory();

    @AfterEach
    void closeContexts() {
        contexts.clear();
    }

    @Test
    void startTlsAndImplicitTlsExcludeEachOther() {
        assertThatThrownBy(() -> factory.createContextCustomizer(BothTlsModes.class, List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("choose startTls or implicitTls");
    }

    @Test
    void aPasswordNeedsAUser() {
        assertThatThrownBy(() -> factory.createContextCustomizer(PasswordWithoutUser.class, List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a password needs a username");
    }

    @Test
    void aServerBeanAndServerAttributesExcludeEachOther() {
        assertThatThrownBy(() -> contexts.load(BeanAndAttributes.class))
                .hasStackTraceContaining("declares the FakeSmtpServer bean 'smtp'")
                .hasStackTraceContaining("startTls=true");
    }

    @Test
    void twoServerBeansAreAmbiguous() {
        assertThatThrownBy(() -> contexts.load(TwoBeans.class))
                .hasStackTraceContaining("wires one FakeSmtpServer, but the context declares 2: first, second");
    }

    @Test
    void aServerWithAnSslContextCannotBeTrustedThroughABundle() {
        assertThatThrownBy(() -> contexts.load(UnknownTrust.class))
                .hasStackTraceContaining("it was given an SSLContext");
    }
}
