package dev.fakesmtp.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.spring.app.MailApplication;
import dev.fakesmtp.spring.app.WelcomeMailer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A server built in a test configuration: any builder option, here STARTTLS, AUTH and a
 * hostname. The annotation only names the account the application logs in with.
 */
@SpringBootTest(classes = MailApplication.class)
@Import(ServerBeanTest.SmtpConfiguration.class)
@AutoConfigureFakeSmtp(username = "shop", password = "s3cret")
@Timeout(30)
class ServerBeanTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class SmtpConfiguration {

        /** Not started here: the wiring starts it. Closed with the context ({@code close()} is inferred). */
        @Bean
        FakeSmtpServer mailServer() {
            return FakeSmtpServer.builder()
                    .hostname("mail.shop.test")
                    .requireTls()
                    .credentials("shop", "s3cret")
                    .requireAuth()
                    .build();
        }
    }

    @Autowired
    FakeSmtpServer smtp;

    @Autowired
    WelcomeMailer mailer;

    @Autowired
    ApplicationContext context;

    @Test
    void theDeclaredServerIsTheOneWiredAndInjected() {
        assertThat(smtp.hostname()).isEqualTo("mail.shop.test");
        assertThat(smtp.isRunning()).isTrue();
        assertThat(context.getBeansOfType(FakeSmtpServer.class)).containsOnlyKeys("mailServer");
        assertThat(context.getEnvironment().getProperty("spring.mail.port")).isEqualTo(String.valueOf(smtp.port()));
    }

    @Test
    void theMailArrivesOverTlsFromTheLoggedInUser() {
        mailer.sendWelcome("bob@example.com", "Bob");

        ReceivedMail mail = smtp.mailbox().awaitMessages(1, WelcomeMailTest.WAIT).get(0);
        assertThat(mail.envelope().tls()).isPresent();
        assertThat(mail.envelope().authenticatedUser()).contains("shop");
        assertThat(smtp.sessions()).singleElement()
                .satisfies(session -> assertThat(session.transcriptText()).contains("mail.shop.test"));
    }
}
