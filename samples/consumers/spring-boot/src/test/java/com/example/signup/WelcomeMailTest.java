package com.example.signup;

// README: "Spring", as pasted.
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.spring.AutoConfigureFakeSmtp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
@AutoConfigureFakeSmtp
class WelcomeMailTest {

    @Autowired FakeSmtpServer smtp;       // the context's server, reset before each test method
    @Autowired WelcomeMailer mailer;      // your services, sending through JavaMailSender
    @Autowired RetryingNotifier notifier;

    @Test
    void sendsTheWelcomeMail() {
        mailer.sendWelcome("bob@example.com", "Bob");

        ReceivedMail mail = smtp.mailbox().awaitMessages(1, Duration.ofSeconds(10)).get(0);
        assertThat(mail.subject()).isEqualTo("Welcome, Bob");
    }

    @Test
    void retriesATemporaryFailure() {
        smtp.on(Trigger.endOfData()).once().reply(451, "4.3.0 Try again later");

        notifier.send("bob@example.com", "Your order shipped");  // its retry on 4xx runs for real

        assertThat(smtp.mailbox().awaitMessages(1, Duration.ofSeconds(10))).hasSize(1);
        assertThat(smtp.sessions()).hasSize(2);
    }
}
