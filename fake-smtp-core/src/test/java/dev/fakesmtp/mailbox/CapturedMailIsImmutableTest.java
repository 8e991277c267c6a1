package dev.fakesmtp.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.Attachment;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.support.AngusMail;
import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A captured mail is immutable: {@link ReceivedMail#mimeMessage()} is the user's own copy to
 * change, and no change to it reaches the mailbox, the parsed views or another thread.
 */
@Timeout(60)
class CapturedMailIsImmutableTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void changingTheMimeMessageChangesNothingCaptured() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            sendMultipart(server);
            ReceivedMail mail = server.mailbox().awaitMessages(1, WAIT).get(0);
            byte[] rawBefore = mail.raw();

            MimeMessage mine = mail.mimeMessage();
            mine.setSubject("changed");
            mine.setFrom("mallory@example.com");
            mine.addHeader("X-Added", "by the test");
            MimeMultipart parts = (MimeMultipart) mine.getContent();
            ((MimeBodyPart) parts.getBodyPart(0)).setText("changed text");
            parts.removeBodyPart(1);
            mine.saveChanges();

            ReceivedMail fresh = server.mailbox().messages().get(0);
            for (ReceivedMail captured : List.of(mail, fresh)) {
                assertThat(captured.subject()).isEqualTo("Report");
                assertThat(captured.from()).containsExactly("alice@example.com");
                assertThat(captured.headers("X-Added")).isEmpty();
                assertThat(captured.text()).isEqualTo("the text\r\n");
                assertThat(captured.attachments()).extracting(Attachment::fileName)
                        .containsExactly(java.util.Optional.of("report.csv"));
                assertThat(captured.raw()).isEqualTo(rawBefore);
                MimeMessage again = captured.mimeMessage();
                assertThat(again).isNotSameAs(mine);
                assertThat(again.getSubject()).isEqualTo("Report");
                assertThat(again.getHeader("X-Added")).isNull();
                assertThat(((MimeMultipart) again.getContent()).getCount()).isEqualTo(2);
            }
        }
    }

    /**
     * Threads read the views of one mail while another thread changes its own MimeMessage over
     * and over: readers never see a change, and nothing throws.
     */
    @Test
    void readersNeverSeeAnotherThreadsChanges() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            sendMultipart(server);
            ReceivedMail mail = server.mailbox().awaitMessages(1, WAIT).get(0);
            ExecutorService threads = Executors.newFixedThreadPool(4);
            AtomicBoolean writing = new AtomicBoolean(true);
            try {
                Future<?> writer = threads.submit(() -> {
                    MimeMessage mine = mail.mimeMessage();
                    for (int i = 0; i < 2_000; i++) {
                        mine.addHeader("X-Tag", "tag " + i);
                        mine.setSubject("changed " + i);
                    }
                    writing.set(false);
                    return null;
                });
                List<Future<?>> readers = new ArrayList<>();
                for (int r = 0; r < 3; r++) {
                    readers.add(threads.submit(() -> {
                        do {
                            assertThat(mail.headers("X-Tag")).isEmpty();
                            assertThat(mail.subject()).isEqualTo("Report");
                            assertThat(mail.mimeMessage().getHeader("X-Tag")).isNull();
                        } while (writing.get());
                        return null;
                    }));
                }
                writer.get(30, TimeUnit.SECONDS);
                for (Future<?> reader : readers) {
                    reader.get(30, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    /** Many threads ask a never-parsed mail for different views at once: one parse, the same answers. */
    @Test
    void theLazyParseIsSafeWhenThreadsRaceForIt() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            sendMultipart(server);
            ReceivedMail captured = server.mailbox().awaitMessages(1, WAIT).get(0);
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                for (int round = 0; round < 200; round++) {
                    ReceivedMail mail = new ReceivedMail(captured.envelope(), captured.raw());
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<String>> answers = new ArrayList<>();
                    for (int t = 0; t < 8; t++) {
                        int kind = t % 4;
                        answers.add(threads.submit(() -> {
                            start.await();
                            return switch (kind) {
                                case 0 -> mail.subject();
                                case 1 -> mail.text();
                                case 2 -> mail.attachments().get(0).fileName().orElseThrow();
                                default -> mail.mimeMessage().getSubject();
                            };
                        }));
                    }
                    start.countDown();
                    List<String> seen = new ArrayList<>();
                    for (Future<String> answer : answers) {
                        seen.add(answer.get(10, TimeUnit.SECONDS));
                    }
                    assertThat(seen).as("round %s", round).containsExactly("Report", "the text\r\n", "report.csv",
                            "Report", "Report", "the text\r\n", "report.csv", "Report");
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    private static void sendMultipart(FakeSmtpServer server) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(AngusMail.plain(server)));
        message.setFrom("alice@example.com");
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, "bob@example.com");
        message.setSubject("Report");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("the text\r\n", "UTF-8");
        MimeBodyPart csv = new MimeBodyPart();
        csv.setDataHandler(new DataHandler(new ByteArrayDataSource("a,b\r\n1,2\r\n", "text/csv")));
        csv.setFileName("report.csv");
        csv.setDisposition(MimeBodyPart.ATTACHMENT);
        message.setContent(new MimeMultipart(text, csv));
        Transport.send(message);
    }
}
