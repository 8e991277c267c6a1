package com.example.signup;

// README: the quick start, as pasted.
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuickStartTest {

    @Test
    void sendsTheWelcomeMail() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().build().start()) {
            new WelcomeMailer(smtp.host(), smtp.port()).sendWelcome("bob@example.com");   // your code

            ReceivedMail mail = smtp.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            assertThat(mail.envelope().recipients()).containsExactly("bob@example.com");
            assertThat(mail.subject()).isEqualTo("Welcome!");
            assertThat(mail.text()).contains("Your account is ready");
            assertThat(mail.attachments()).extracting(a -> a.fileName().orElseThrow())
                    .containsExactly("terms.pdf");
        }
    }
}
