package dev.fakesmtp.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the README says of session ids and {@code reset()}: they keep counting, so an id names
 * one connection for the server's whole life, even one that stays open across a reset.
 */
@Timeout(20)
class SessionIdsAcrossResetTest {

    @Test
    void aConnectionOpenAcrossResetKeepsItsIdAndNoNewConnectionTakesIt() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue before = SmtpDialogue.afterEhlo(server)) {
            assertThat(server.sessions()).extracting(SmtpSession::id).containsExactly("s1");
            server.reset();
            try (SmtpDialogue after = SmtpDialogue.afterEhlo(server)) {
                after.send("QUIT").expect("221 ");
            }
            assertThat(server.sessions()).extracting(SmtpSession::id).containsExactly("s2");

            before.send("MAIL FROM:<a@example.com>").expect("250 ");
            before.send("RCPT TO:<b@example.com>").expect("250 ");
            before.send("DATA").expect("354 ");
            before.sendRaw("Subject: sent across a reset\r\n\r\nbody\r\n.\r\n").expect("250 2.0.0 OK: queued as s1.1");
            assertThat(server.mailbox().awaitMessages(1, Duration.ofSeconds(5)).get(0).envelope().sessionId())
                    .isEqualTo("s1");
        }
    }
}
