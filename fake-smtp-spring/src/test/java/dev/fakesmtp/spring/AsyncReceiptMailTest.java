package dev.fakesmtp.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.spring.app.MailApplication;
import dev.fakesmtp.spring.app.ReceiptMailer;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * An {@code @Async} sender: the test awaits the mail, not the thread. Same configuration as
 * {@link WelcomeMailTest}, so same context and same server, with a mailbox of its own.
 */
@SpringBootTest(classes = MailApplication.class)
@AutoConfigureFakeSmtp
@ResourceLock(DefaultContextClasses.LOCK)
@Timeout(30)
class AsyncReceiptMailTest {

    @Autowired
    FakeSmtpServer smtp;

    @Autowired
    ReceiptMailer receipts;

    @Autowired
    ApplicationContext context;

    @Test
    void theReceiptSentInTheBackgroundArrives() {
        CompletableFuture<Void> sending = receipts.sendReceipt("dave@example.com", "A-1001");

        ReceivedMail mail = smtp.mailbox().awaitMessage(m -> m.subject().contains("A-1001"), WelcomeMailTest.WAIT);
        assertThat(mail.envelope().recipients()).containsExactly("dave@example.com");
        assertThat(mail.text()).contains("Thank you for order A-1001.");
        assertThat(mail.html()).contains("<b>A-1001</b>");
        assertThat(mail.attachments()).extracting(a -> a.fileName().orElseThrow()).containsExactly("A-1001.csv");
        assertThat(sending).succeedsWithin(WelcomeMailTest.WAIT);
    }

    @Test
    void sharesContextAndServerWithTheOtherClassesOfThisConfiguration() {
        DefaultContextClasses.assertEveryClassGets(context, smtp);
    }
}
