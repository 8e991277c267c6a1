package dev.fakesmtp.assertj;

import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;
import static dev.fakesmtp.assertj.MailMatcher.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.Mailbox;
import org.junit.jupiter.api.Test;

class ClosestMatchTest {

    @Test
    void theMessageMeetingMostCriteriaIsClosest() {
        Mailbox mailbox = Mails.mailbox(
                Mails.mail("news@example.com", "bob@example.com", "Newsletter", "text"),
                Mails.mail("shop@example.com", "bob@example.com", "Your order", "text"));

        assertThatThrownBy(() -> assertThat(mailbox).hasMessage(mail().from("shop@example.com").to("bob@example.com")
                .subject("Your order 42")))
                .hasMessageEndingWith("Closest match: message 2, which differs in:\n"
                        + "  subject:   expected \"Your order 42\"\n"
                        + "             but was  \"Your order\"\n"
                        + "It matches: sender <shop@example.com>, recipient <bob@example.com>.");
    }

    @Test
    void onATieATypoIsCloserThanADifferentValue() {
        Mailbox mailbox = Mails.mailbox(
                Mails.mail("shop@example.com", "alice@example.com", "Welcome!", "text"),
                Mails.mail("shop@example.com", "bob@exmaple.com", "Welcome!", "text"));

        assertThatThrownBy(() -> assertThat(mailbox).hasMessage(mail().to("bob@example.com").subject("Welcome!")))
                .hasMessageEndingWith("Closest match: message 2, which differs in:\n"
                        + "  recipient: expected <bob@example.com>\n"
                        + "             but was  [bob@exmaple.com]\n"
                        + "It matches: subject \"Welcome!\".");
    }

    @Test
    void onAFullTieTheFirstMessageIsClosest() {
        Mailbox mailbox = Mails.mailbox(
                Mails.mail("shop@example.com", "bob@example.org", "Welcome!", "text"),
                Mails.mail("shop@example.com", "bob@example.net", "Welcome!", "text"));

        assertThatThrownBy(() -> assertThat(mailbox).hasMessage(mail().to("bob@example.com").subject("Welcome!")))
                .hasMessageEndingWith("Closest match: message 1, which differs in:\n"
                        + "  recipient: expected <bob@example.com>\n"
                        + "             but was  [bob@example.org]\n"
                        + "It matches: subject \"Welcome!\".");
    }

    @Test
    void moreCriteriaMetBeatsSmallerTypos() {
        Mailbox mailbox = Mails.mailbox(
                Mails.mail("shop@example.com", "bob@example.com", "A newsletter about everything", "text"),
                Mails.mail("shop@exampel.com", "bob@exampel.com", "Your order", "text"));

        assertThatThrownBy(() -> assertThat(mailbox).hasMessage(mail().from("shop@example.com").to("bob@example.com")
                .subject("Your order")))
                .hasMessageContaining("Closest match: message 1, which differs in:\n  subject:   expected \"Your order\"");
    }

    @Test
    void aMessageThatCannotBeParsedMatchesNothingAndSaysWhy() {
        Mailbox mailbox = Mails.mailbox(Mails.raw("a@example.com", "b@example.com", java.util.Map.of(),
                "Subject: broken\r\nContent-Type: multipart/mixed\r\n\r\nno boundary\r\n"));

        assertThatThrownBy(() -> assertThat(mailbox).hasMessage(mail().header("Subject", "broken")))
                .hasMessageContaining("  header Subject: expected \"broken\"\n"
                        + "                  but was  (not readable: The captured message cannot be parsed as MIME: ");
    }

    @Test
    void editDistance() {
        assertThat(ClosestMatch.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(ClosestMatch.editDistance("", "abc")).isEqualTo(3);
        assertThat(ClosestMatch.editDistance("same", "same")).isZero();
        // Pure function, tested directly: only the first 200 characters of each side count, which
        // the public path (ranking of equally good messages) cannot show with this precision.
        assertThat(ClosestMatch.editDistance("a".repeat(300), "b".repeat(300))).isEqualTo(200);
        assertThat(ClosestMatch.editDistance("a".repeat(300), "a".repeat(200))).isZero();
        assertThat(ClosestMatch.editDistance("a".repeat(200), "a".repeat(300))).isZero();
    }

    @Test
    void everyKindOfCriterionExplainsItself() {
        Mailbox mailbox = Mails.mailbox(Mails.mail("shop@example.com", "bob@example.com", "Hi", "Hello Bob"));

        assertThatThrownBy(() -> assertThat(mailbox).hasMessage(mail().textContaining("Alice").htmlContaining("<p>")
                .header("X-Order", "42").attachment("a.pdf").subjectContaining("Bye")
                .satisfying("is urgent", m -> false)))
                .hasMessageEndingWith("Closest match: message 1, which differs in:\n"
                        + "  text body:      expected containing \"Alice\"\n"
                        + "                  but was  \"Hello Bob\"\n"
                        + "  HTML body:      expected containing \"<p>\"\n"
                        + "                  but was  (none)\n"
                        + "  header X-Order: expected \"42\"\n"
                        + "                  but was  []\n"
                        + "  attachment:     expected \"a.pdf\"\n"
                        + "                  but was  []\n"
                        + "  subject:        expected containing \"Bye\"\n"
                        + "                  but was  \"Hi\"\n"
                        + "  is urgent:      expected true\n"
                        + "                  but was  false");
    }
}
