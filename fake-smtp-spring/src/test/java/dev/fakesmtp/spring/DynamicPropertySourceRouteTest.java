package dev.fakesmtp.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.spring.app.MailApplication;
import dev.fakesmtp.spring.app.WelcomeMailer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The route without fake-smtp-spring: a static server and {@code @DynamicPropertySource}. The
 * server is started in the static initializer, so it runs before Spring reads the properties
 * with either test-instance lifecycle; {@link PerClassPitfallTest} shows what breaks otherwise.
 */
@SpringBootTest(classes = MailApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(30)
class DynamicPropertySourceRouteTest {

    static final FakeSmtpServer SMTP = FakeSmtpServer.builder().build().start();

    @DynamicPropertySource
    static void mailProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", SMTP::host);
        registry.add("spring.mail.port", SMTP::port);
    }

    @Autowired
    WelcomeMailer mailer;

    @BeforeEach
    void resetServer() {
        // Without the module nothing resets the server between tests: do it yourself.
        SMTP.reset();
    }

    @AfterAll
    void closeServer() {
        SMTP.close();
    }

    @Test
    void theWelcomeMailArrives() {
        mailer.sendWelcome("bob@example.com", "Bob");

        ReceivedMail mail = SMTP.mailbox().awaitMessages(1, WelcomeMailTest.WAIT).get(0);
        assertThat(mail.subject()).isEqualTo("Welcome, Bob");
    }

    @Test
    void eachTestStartsEmptyBecauseOfTheResetAbove() {
        assertThat(SMTP.mailbox().messages()).isEmpty();
    }
}
