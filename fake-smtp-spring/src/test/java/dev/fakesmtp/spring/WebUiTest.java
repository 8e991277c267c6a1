package dev.fakesmtp.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.spring.app.MailApplication;
import dev.fakesmtp.spring.app.WelcomeMailer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** {@code @AutoConfigureFakeSmtp(webUi = true)}: the context's server comes with the live viewer. */
@SpringBootTest(classes = MailApplication.class)
@AutoConfigureFakeSmtp(webUi = true)
@Timeout(30)
class WebUiTest {

    @Autowired
    FakeSmtpServer smtp;

    @Autowired
    WelcomeMailer mailer;

    @Test
    void theViewerShowsTheApplicationsMail() throws IOException {
        mailer.sendWelcome("bob@example.com", "Bob");
        smtp.mailbox().awaitMessages(1, Duration.ofSeconds(10));

        URI viewer = smtp.webUiUri().orElseThrow();
        try (InputStream json = viewer.resolve("/api/messages").toURL().openStream()) {
            assertThat(new String(json.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"recipients\":[\"bob@example.com\"]", "\"subject\":\"Welcome, Bob\"");
        }
    }
}
