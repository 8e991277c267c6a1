package dev.fakesmtp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FailureCatalog;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.AngusMail;
import dev.fakesmtp.support.SmtpDialogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The catalogue cases whose reply depends on which recipient or which attempt it is, in exact
 * dialogues: which RCPT gets the failure, and which later one does not.
 */
@Timeout(30)
class CatalogRecipientCasesTest {

    @Test
    void tooManyRecipientsRefusesALaterRecipientOnceNeverTheFirst() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().build().start();
             SmtpDialogue dialogue = applied(smtp, "rcpt-452-too-many-recipients")) {
            dialogue.send("MAIL FROM:<app@example.com>").expect("250");
            dialogue.send("RCPT TO:<alice@example.com>").expect("250");
            dialogue.send("RCPT TO:<bob@example.com>").expect("452 4.5.3");
            dialogue.send("RCPT TO:<bob@example.com>").expect("250"); // a temporary failure: the retry passes
        }
    }

    @Test
    void oneOfSeveralRefusesTheFirstLaterRecipientAndThatAddressEverAfter() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().build().start();
             SmtpDialogue dialogue = applied(smtp, "rcpt-550-one-of-several")) {
            dialogue.send("MAIL FROM:<app@example.com>").expect("250");
            dialogue.send("RCPT TO:<alice@example.com>").expect("250");
            dialogue.send("RCPT TO:<Bob@Example.com>").expect("550 5.1.1");
            dialogue.send("RCPT TO:<carol@example.com>").expect("250");
            dialogue.send("RSET").expect("250");
            dialogue.send("MAIL FROM:<app@example.com>").expect("250");
            dialogue.send("RCPT TO:<bob@example.com>").expect("550 5.1.1");
            dialogue.send("RCPT TO:<alice@example.com>").expect("250");
        }
    }

    @Test
    void oneOfSeveralStartsAfreshOnEveryServerItIsAppliedTo() {
        for (int server = 1; server <= 2; server++) {
            try (FakeSmtpServer smtp = FakeSmtpServer.builder().build().start();
                 SmtpDialogue dialogue = applied(smtp, "rcpt-550-one-of-several")) {
                dialogue.send("MAIL FROM:<app@example.com>").expect("250");
                dialogue.send("RCPT TO:<dave@example.com>").expect("250"); // the first recipient, on each server
                dialogue.send("RCPT TO:<erin@example.com>").expect("550 5.1.1");
            }
        }
    }

    @Test
    void greylistingRefusesEachSenderAndRecipientPairOnceOnly() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().build().start();
             SmtpDialogue dialogue = applied(smtp, "rcpt-450-greylisted")) {
            dialogue.send("MAIL FROM:<app@example.com>").expect("250");
            dialogue.send("RCPT TO:<alice@example.com>").expect("450 4.2.0");
            dialogue.send("RCPT TO:<alice@example.com>").expect("250");
            dialogue.send("RSET").expect("250");
            dialogue.send("MAIL FROM:<>").expect("250");
            dialogue.send("RCPT TO:<alice@example.com>").expect("450 4.2.0");
            dialogue.send("RCPT TO:<ALICE@example.com>").expect("250");
        }
    }

    @Test
    void aLostReplyAfterTheDotHappensOnceSoTheResentMessageIsAnsweredAndCapturedTwice() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().build().start()) {
            FailureCatalog.byId("dot-disconnect-after-capture").applyTo(smtp);
            try (SmtpDialogue first = SmtpDialogue.afterEhlo(smtp)) {
                first.envelope("app@example.com", "bob@example.com").data("Once").expectEof();
            }
            try (SmtpDialogue second = SmtpDialogue.afterEhlo(smtp)) {
                second.envelope("app@example.com", "bob@example.com").data("Once").expect("250");
            }
            assertThat(smtp.mailbox().awaitMessages(2, AngusMail.WAIT)).hasSize(2);
        }
    }

    private static SmtpDialogue applied(FakeSmtpServer smtp, String id) {
        FailureCatalog.byId(id).applyTo(smtp);
        return SmtpDialogue.afterEhlo(smtp);
    }
}
