package dev.fakesmtp.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Rule;
import dev.fakesmtp.TranscriptLine;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.support.AngusMail;
import dev.fakesmtp.support.SmtpDialogue;
import jakarta.mail.MessagingException;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ehloWithout(..)}: EHLO is answered as usual, minus the named keywords; a client that
 * requires STARTTLS sees a server that does not offer it (a stripping middlebox).
 */
@Timeout(20)
class EhloWithoutTest {

    @Test
    void theNamedKeywordsAreLeftOutOfThatOneReply() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start();
             SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            Rule rule = server.on(Trigger.ehlo()).once().ehloWithout("starttls", "PIPELINING");

            List<String> stripped = smtp.send("EHLO client.test").expect("250 ");
            assertThat(stripped).first().asString().startsWith("250-localhost Hello client.test");
            assertThat(stripped).noneMatch(line -> line.contains("STARTTLS") || line.contains("PIPELINING"))
                    .anyMatch(line -> line.contains("8BITMIME"));
            // The next EHLO is not the rule's: everything is offered again.
            assertThat(smtp.send("EHLO client.test").expect("250 "))
                    .anyMatch(line -> line.endsWith("STARTTLS")).anyMatch(line -> line.endsWith("PIPELINING"));
            // The session is greeted as usual: a transaction works.
            smtp.send("MAIL FROM:<a@example.com>").expect("250 ");

            assertThat(rule.description()).endsWith("answer EHLO without STARTTLS, PIPELINING");
            assertThat(server.sessions().get(0).transcript())
                    .filteredOn(line -> line.causedBy().isPresent()).extracting(TranscriptLine::text)
                    .first().asString().startsWith("250-localhost Hello");
        }
    }

    @Test
    void aClientThatRequiresStartTlsRefusesToGoOn() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start()) {
            server.on(Trigger.ehlo()).once().ehloWithout("STARTTLS");
            Properties properties = server.mailProperties();
            properties.setProperty("mail.smtp.starttls.required", "true");

            assertThatThrownBy(() -> AngusMail.send(properties, "stripped"))
                    .isInstanceOf(MessagingException.class)
                    .hasMessageContaining("STARTTLS is required but host does not support STARTTLS");
            assertThat(server.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void heloIsNotChanged() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            Rule rule = server.on(Trigger.ehlo()).ehloWithout("SIZE");
            smtp.send("HELO client.test").expect("250 ");
            assertThat(rule.timesFired()).isEqualTo(1);
            smtp.send("MAIL FROM:<a@example.com>").expect("250 ");
        }
    }

    @Test
    void keywordsAreCheckedWhenTheRuleIsMade() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build()) {
            assertThatThrownBy(() -> server.on(Trigger.ehlo()).ehloWithout())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
            assertThatThrownBy(() -> server.on(Trigger.ehlo()).ehloWithout("AUTH PLAIN"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'AUTH PLAIN'");
            assertThat(server.rules()).isEmpty();
        }
    }
}
