package dev.fakesmtp.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.spring.app.WelcomeMailer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * A context without {@code @SpringBootApplication} (as in a test slice): the annotation
 * imports Spring Boot's mail auto-configuration, so the service still gets its sender.
 */
@SpringJUnitConfig(WelcomeMailer.class)
@AutoConfigureFakeSmtp(hostname = "plain.test")
@Timeout(30)
class PlainSpringTest {

    @Autowired
    FakeSmtpServer smtp;

    @Autowired
    WelcomeMailer mailer;

    @Value("${spring.mail.host}:${spring.mail.port}")
    String endpoint;

    @Test
    void theServiceSendsThroughTheImportedMailAutoConfiguration() {
        assertThat(endpoint).isEqualTo(smtp.host() + ":" + smtp.port());

        mailer.sendWelcome("bob@example.com", "Bob");

        assertThat(smtp.mailbox().awaitMessages(1, WelcomeMailTest.WAIT).get(0).subject()).isEqualTo("Welcome, Bob");
    }
}
