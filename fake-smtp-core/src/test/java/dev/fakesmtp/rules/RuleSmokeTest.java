package dev.fakesmtp.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Rule;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RuleSmokeTest {

    @Test
    void rejectsOneRecipientAndMarksTheTranscript() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Rule rule = server.on(Trigger.rcptTo("bob@example.com")).reply(550, "5.1.1 No such user");
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
                smtp.send("RCPT TO:<bob@example.com>").expect("550 5.1.1 No such user");
                smtp.send("RCPT TO:<carol@example.com>").expect("250 ");
                smtp.send("DATA").expect("354");
                smtp.sendRaw("Subject: x\r\n\r\nhi\r\n.\r\n").expect("250 ");
            }
            assertThat(server.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0).envelope().recipients())
                    .containsExactly("carol@example.com");
            assertThat(rule.timesFired()).isEqualTo(1);
            assertThat(server.sessions().get(0).transcript())
                    .anySatisfy(line -> assertThat(line.causedBy()).hasValueSatisfying(r -> assertThat(r).contains("rule #1")));
        }
    }

    @Test
    void greetingFailsTwiceThenWorks() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            server.scenarios().unavailableFor(2);
            for (int i = 0; i < 2; i++) {
                try (SmtpDialogue smtp = SmtpDialogue.connect(server)) {
                    smtp.expect("421 4.3.2");
                    smtp.expectClosed();
                }
            }
            try (SmtpDialogue smtp = SmtpDialogue.connect(server)) {
                smtp.expect("220 ");
            }
        }
    }
}
