package dev.fakesmtp.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.junit5.SmtpServer;
import dev.fakesmtp.spring.app.MailApplication;
import dev.fakesmtp.spring.app.WelcomeMailer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The route without fake-smtp-spring, with fake-smtp-junit5: an {@code @SmtpServer} static
 * field and {@code @DynamicPropertySource}. The extension starts the server in its
 * {@code beforeAll}, before Spring loads the context (per-method lifecycle; for
 * {@code PER_CLASS} see {@link PerClassPitfallTest}), and resets it before each test.
 */
@SpringBootTest(classes = MailApplication.class)
@Timeout(30)
class SmtpServerFieldRouteTest {

    @SmtpServer
    static FakeSmtpServer smtp = FakeSmtpServer.builder().hostname("field.test").build();

    @DynamicPropertySource
    static void mailProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> smtp.host());
        registry.add("spring.mail.port", () -> smtp.port());
    }

    @Autowired
    WelcomeMailer mailer;

    @Test
    void theWelcomeMailArrives(Mailbox mailbox) {
        mailer.sendWelcome("bob@example.com", "Bob");

        ReceivedMail mail = mailbox.awaitMessages(1, WelcomeMailTest.WAIT).get(0);
        assertThat(mail.subject()).isEqualTo("Welcome, Bob");
        assertThat(smtp.hostname()).isEqualTo("field.test");
    }

    @Test
    void theExtensionResetsTheServerBeforeEachTest() {
        assertThat(smtp.mailbox().messages()).isEmpty();
        assertThat(smtp.sessions()).isEmpty();
    }
}
