package dev.fakesmtp.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.support.Fixture;
import dev.fakesmtp.support.Kit;
import dev.fakesmtp.support.AngusMail;
import dev.fakesmtp.support.SmtpDialogue;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/** A static server is reset before each test, its mailbox listeners included. */
@Timeout(30)
class SharedServerListenerTest {

    @Test
    void aListenerOfOneTestNeverSeesTheNextTestsMail() {
        Kit.run(ListenerThenMail.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(ListenerThenMail.SEEN).containsExactly("first");
    }

    @Fixture
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ListenerThenMail {
        static final List<String> SEEN = new CopyOnWriteArrayList<>();

        @SmtpServer
        static FakeSmtpServer smtp = FakeSmtpServer.builder().build();

        @Test
        @Order(1)
        void registersAListener(Mailbox mailbox) {
            mailbox.onMessage(mail -> SEEN.add(mail.subject()));
            AngusMail.send(smtp, "a@example.com", "b@example.com", "first", "text");
        }

        @Test
        @Order(2)
        void sendsMail(Mailbox mailbox) {
            AngusMail.send(smtp, "a@example.com", "b@example.com", "second", "text");
            assertThat(mailbox.messages()).hasSize(1);
        }
    }
}
