package dev.fakesmtp.assertj;

import static dev.fakesmtp.assertj.MailMatcher.mail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.Attachment;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.ReceivedMail;
import java.util.List;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Soft assertions collect every failure, also behind navigation, and report them together. */
@ExtendWith(SoftAssertionsExtension.class)
class SoftAssertionsTest {

    @InjectSoftAssertions
    private FakeSmtpSoftAssertions injected;

    private final ReceivedMail mail = Mails.mail("shop@example.com", "bob@example.com", "Your order", "Order 42");
    private final Mailbox mailbox = Mails.mailbox(mail);

    @Test
    void collectsEveryFailure() {
        FakeSmtpSoftAssertions softly = new FakeSmtpSoftAssertions();

        softly.assertThat(mail).hasSubject("Your orders").hasTextContaining("Order 43").hasEnvelopeSender("shop@example.com")
                .wasSentOverTls();
        softly.assertThat(mailbox).hasSize(2).hasMessage(mail().to("carol@example.com"))
                .hasMessages(mail().to("dave@example.com"));

        List<Throwable> errors = softly.errorsCollected();
        assertThat(errors).extracting(Throwable::getMessage).satisfiesExactly(
                first -> assertThat(first).contains("Expecting the subject of"),
                second -> assertThat(second).contains("to contain \"Order 43\""),
                third -> assertThat(third).contains("to have been sent over TLS"),
                fourth -> assertThat(fourth).startsWith("Expecting the mailbox to have 2 messages"),
                fifth -> assertThat(fifth).startsWith("Expecting the mailbox to have a message with recipient <carol@"),
                sixth -> assertThat(sixth).startsWith("Expecting the mailbox to have a message with recipient <dave@"));
    }

    @Test
    void navigationKeepsCollecting() {
        FakeSmtpSoftAssertions softly = new FakeSmtpSoftAssertions();

        softly.assertThat(mailbox).singleMessage().hasSubject("Wrong").hasTextContaining("Order 42").hasText("Wrong");

        assertThat(softly.errorsCollected()).extracting(Throwable::getMessage).satisfiesExactly(
                first -> assertThat(first).contains("Expecting the subject of"),
                second -> assertThat(second).contains("Expecting the text body of"));
    }

    @Test
    void worksWithAssertJsJUnitExtension() {
        // Only passing assertions: the extension would report failures after the test, failing it.
        injected.assertThat(mailbox).hasSize(1).singleMessage().hasSubject("Your order").hasNoAttachments();
        injected.assertThat(mail).hasEnvelopeRecipients("bob@example.com");

        assertThat(injected.errorsCollected()).isEmpty();
    }

    @Test
    void everyEntryPointCollectsAndADescriptionFollowsNavigation() {
        FakeSmtpSoftAssertions softly = new FakeSmtpSoftAssertions();
        Attachment logo = new Attachment("logo.png", "image/png", null, true, new byte[] {1});

        softly.assertThat(logo).hasFileName("logo.gif").hasSize(2);
        try (FakeSmtpServer server = FakeSmtpServer.builder().build()) {
            softly.assertThat(server).hasSessionCount(1).hasNoViolations();
        }
        softly.assertThat(mailbox).as("inbox").singleMessage().hasSubject("Wrong");

        assertThat(softly.errorsCollected()).extracting(Throwable::getMessage).satisfiesExactly(
                first -> assertThat(first).startsWith("Expecting the file name of inline logo.png"),
                second -> assertThat(second).startsWith("Expecting the size of inline logo.png"),
                third -> assertThat(third).startsWith("Expecting 1 session, but the server has 0."),
                fourth -> assertThat(fourth).startsWith("[inbox] Expecting the subject of"));
    }

    @Test
    void aFailedNavigationIsCollectedAndTheChainGoesOn() {
        FakeSmtpSoftAssertions softly = new FakeSmtpSoftAssertions();

        softly.assertThat(mailbox).messageTo("carol@example.com").hasSubject("Your order");
        softly.assertThat(mail).hasSubject("Your order");

        assertThat(softly.errorsCollected()).extracting(Throwable::getMessage).satisfiesExactly(
                first -> assertThat(first).startsWith("Expecting the mailbox to have a message with recipient <carol@"),
                second -> assertThat(second).contains("Expecting actual not to be null"));
    }
}
