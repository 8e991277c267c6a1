package dev.fakesmtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SmokeTest {

    @Test
    void capturesOneMessage() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5");
            smtp.send("DATA").expect("354 ");
            smtp.sendRaw("Subject: Hi\r\n\r\nHello\r\n..dot\r\n.\r\n").expect("250 2.0.0");
            smtp.send("QUIT").expect("221 ");
            ReceivedMail mail = server.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0);
            assertThat(mail.subject()).isEqualTo("Hi");
            assertThat(mail.rawText()).isEqualTo("Subject: Hi\r\n\r\nHello\r\n.dot\r\n");
            assertThat(mail.text()).isEqualTo("Hello\r\n.dot\r\n");
            System.out.println(server.sessions().get(0).transcriptText());
        }
    }
}
