package dev.fakesmtp.assertj;

import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;
import static dev.fakesmtp.assertj.MailMatcher.mail;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.Mailbox;
import dev.fakesmtp.ReceivedMail;
import java.util.Map;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.Test;

class MailboxAssertTest {

    private static final String LIST = "\n  1. from <shop@example.com> to [alice@example.com], subject \"Your order\" (session s1)"
            + "\n  2. from <news@example.com> to [bob@example.com], subject \"Newsletter\" (session s1)";

    private final Mailbox mailbox = Mails.mailbox(
            Mails.mail("shop@example.com", "alice@example.com", "Your order", "Order 42 ships today."),
            Mails.mail("news@example.com", "bob@example.com", "Newsletter", "Hello"));

    @Test
    void size() {
        assertThat(mailbox).hasSize(2).isNotEmpty();
        assertThat(Mails.mailbox()).isEmpty();

        assertThatThrownBy(() -> assertThat(mailbox).hasSize(1))
                .hasMessage("Expecting the mailbox to have 1 message, but the mailbox has 2 messages:" + LIST);
        assertThatThrownBy(() -> assertThat(mailbox).isEmpty())
                .hasMessage("Expecting the mailbox to have 0 messages, but the mailbox has 2 messages:" + LIST);
        assertThatThrownBy(() -> assertThat(Mails.mailbox()).isNotEmpty())
                .hasMessage("Expecting the mailbox to have messages, but it is empty.");
    }

    @Test
    void aMatchingMessage() {
        assertThat(mailbox).hasMessage(mail().from("SHOP@example.com").to("alice@example.com").subject("Your order"))
                .hasMessageTo("bob@example.com")
                .hasMessageWithSubject("Newsletter")
                .hasMessage(mail().textContaining("Order 42").subjectContaining("order"));
    }

    @Test
    void noMatchShowsEveryMessageAndTheClosestMatchWithItsDifferences() {
        assertThatThrownBy(() -> assertThat(mailbox)
                .hasMessage(mail().from("shop@example.com").to("bob@example.com").subject("Your order")))
                .hasMessage("Expecting the mailbox to have a message with sender <shop@example.com>, recipient"
                        + " <bob@example.com>, subject \"Your order\"\n"
                        + "but none of its 2 messages matched:" + LIST + "\n"
                        + "\n"
                        + "Closest match: message 1, which differs in:\n"
                        + "  recipient: expected <bob@example.com>\n"
                        + "             but was  [alice@example.com]\n"
                        + "It matches: sender <shop@example.com>, subject \"Your order\".");
    }

    @Test
    void noMatchInAnEmptyMailboxSaysItIsEmpty() {
        assertThatThrownBy(() -> assertThat(Mails.mailbox()).hasMessageTo("bob@example.com"))
                .hasMessage("Expecting the mailbox to have a message with recipient <bob@example.com>\n"
                        + "but the mailbox is empty.");
    }

    @Test
    void aPlainConditionListsTheMessagesWithoutAClosestMatch() {
        Condition<ReceivedMail> urgent = new Condition<>(mail -> mail.headers("X-Priority").contains("1"), "urgent");

        assertThatThrownBy(() -> assertThat(mailbox).hasMessage(urgent))
                .hasMessage("Expecting the mailbox to have a message matching <urgent>\n"
                        + "but none of its 2 messages matched:" + LIST);
    }

    @Test
    void noMessage() {
        assertThat(mailbox).hasNoMessage(mail().to("carol@example.com"));

        assertThatThrownBy(() -> assertThat(mailbox).hasNoMessage(mail().to("bob@example.com")))
                .hasMessage("Expecting the mailbox to have no message with recipient <bob@example.com>, but 1 message"
                        + " matched:\n  1. from <news@example.com> to [bob@example.com], subject \"Newsletter\" (session s1)");
    }

    @Test
    void severalMessages() {
        assertThat(mailbox).hasMessages(mail().to("bob@example.com"), mail().to("alice@example.com"))
                .hasExactlyMessages(mail().to("alice@example.com"), mail().subject("Newsletter"))
                .allMessagesMatch(mail().satisfying("a recipient at example.com",
                        mail -> mail.envelope().recipients().get(0).endsWith("@example.com")));

        assertThatThrownBy(() -> assertThat(mailbox).hasExactlyMessages(mail().to("alice@example.com"), mail().subject("News")))
                .hasMessage("Expecting message 2 to be a message with subject \"News\", but it is not; the mailbox has"
                        + " 2 messages:" + LIST + "\n\nMessage 2, which differs in:\n"
                        + "  subject: expected \"News\"\n"
                        + "           but was  \"Newsletter\"");
        assertThatThrownBy(() -> assertThat(mailbox).hasExactlyMessages(mail()))
                .hasMessageStartingWith("Expecting the mailbox to have exactly 1 message, but the mailbox has 2 messages:");
        assertThatThrownBy(() -> assertThat(mailbox).hasMessages(mail().to("bob@example.com"), mail().to("carol@example.com")))
                .hasMessageStartingWith("Expecting the mailbox to have a message with recipient <carol@example.com>");
        assertThatThrownBy(() -> assertThat(mailbox).allMessagesMatch(mail().from("shop@example.com")))
                .hasMessageStartingWith("Expecting every message to be a message with sender <shop@example.com>, but"
                        + " message 2 is not;");
    }

    @Test
    void navigation() {
        assertThat(Mails.mailbox(mailbox.messages().get(0))).singleMessage().hasSubject("Your order");
        assertThat(mailbox).messageTo("bob@example.com").hasSubject("Newsletter");
        assertThat(mailbox).messageAt(1).hasSubject("Newsletter");
        assertThat(mailbox).messageMatching(mail().subjectContaining("order")).hasEnvelopeSender("shop@example.com");
    }

    @Test
    void navigationThatFindsNoSingleMessageSaysWhy() {
        assertThatThrownBy(() -> assertThat(mailbox).singleMessage())
                .hasMessage("Expecting the mailbox to have a single message, but the mailbox has 2 messages:" + LIST);
        assertThatThrownBy(() -> assertThat(mailbox).messageAt(2))
                .hasMessage("Expecting a message at index 2, but the mailbox has 2 messages:" + LIST);
        assertThatThrownBy(() -> assertThat(mailbox).messageTo("carol@example.com"))
                .hasMessageContaining("Closest match: message 2, which differs in:\n"
                        + "  recipient: expected <carol@example.com>\n"
                        + "             but was  [bob@example.com]");
        assertThatThrownBy(() -> assertThat(mailbox).messageMatching(mail().satisfying("any", mail -> true)))
                .hasMessage("Expecting one message to be a message with any, but 2 matched:" + LIST
                        + "\nNarrow the condition, or use messageAt(index).");
    }

    @Test
    void theListSaysWhenAMessageHasNoSubjectOrCannotBeParsed() {
        Mailbox odd = Mails.mailbox(
                Mails.raw("a@example.com", "b@example.com", Map.of(), "From: a@example.com\r\n\r\nHi\r\n"),
                Mails.raw("a@example.com", "c@example.com", Map.of(), "Subject: broken\r\n"
                        + "Content-Type: multipart/mixed\r\n\r\nno boundary\r\n"));

        assertThatThrownBy(() -> assertThat(odd).hasSize(0))
                .hasMessageStartingWith("Expecting the mailbox to have 0 messages, but the mailbox has 2 messages:\n"
                        + "  1. from <a@example.com> to [b@example.com], subject (none) (session s1)\n"
                        + "  2. from <a@example.com> to [c@example.com], subject (not parseable as MIME: The captured"
                        + " message cannot be parsed as MIME: ")
                .hasMessageEndingWith(") (session s1)");
    }

    @Test
    void aDescriptionPrefixesTheFailure() {
        assertThatThrownBy(() -> assertThat(mailbox).as("welcome mail").hasMessageTo("carol@example.com"))
                .hasMessageStartingWith("[welcome mail] Expecting the mailbox to have a message with recipient");
    }
}
