package dev.fakesmtp.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.support.Eventually;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 200 clients sending 10 messages each, 32 at a time: every message arrives once, and each
 * one's envelope names the session that sent it and its place in that session.
 */
@Timeout(180)
class ConcurrentClientsTest {

    private static final int CLIENTS = 200;
    private static final int MESSAGES_PER_CLIENT = 10;
    private static final Pattern MESSAGE_ID = Pattern.compile("Message-ID: <c(\\d+)\\.m(\\d+)@concurrency\\.test>");

    @Test
    void twoHundredClientsTimesTenMessagesArriveOnceEach() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            ExecutorService pool = Executors.newFixedThreadPool(32);
            try {
                List<Future<?>> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    clients.add(pool.submit(() -> sendAll(server, client)));
                }
                for (Future<?> client : clients) {
                    client.get(120, TimeUnit.SECONDS); // rethrows a client's assertion failure
                }
            } finally {
                pool.shutdownNow();
                assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            }

            int total = CLIENTS * MESSAGES_PER_CLIENT;
            List<ReceivedMail> mails = server.mailbox().awaitMessages(total, Duration.ofSeconds(30));
            assertThat(mails).hasSize(total);

            Set<String> expectedIds = new HashSet<>();
            for (int c = 0; c < CLIENTS; c++) {
                for (int m = 0; m < MESSAGES_PER_CLIENT; m++) {
                    expectedIds.add(c + "." + m);
                }
            }
            Set<String> ids = new HashSet<>();
            Map<Integer, String> sessionOfClient = new HashMap<>();
            for (ReceivedMail mail : mails) {
                Matcher id = MESSAGE_ID.matcher(mail.rawText());
                assertThat(id.find()).as("Message-ID in %s", mail.rawText()).isTrue();
                int client = Integer.parseInt(id.group(1));
                int message = Integer.parseInt(id.group(2));
                assertThat(ids.add(client + "." + message)).as("duplicate c%d.m%d", client, message).isTrue();
                assertThat(mail.envelope().transactionIndex()).as("c%d.m%d", client, message).isEqualTo(message + 1);
                assertThat(mail.envelope().recipients()).containsExactly("rcpt" + client + "@example.com");
                String previous = sessionOfClient.putIfAbsent(client, mail.envelope().sessionId());
                if (previous != null) {
                    assertThat(mail.envelope().sessionId()).as("session of client %d", client).isEqualTo(previous);
                }
            }
            assertThat(ids).isEqualTo(expectedIds);
            assertThat(new HashSet<>(sessionOfClient.values())).as("one session per client").hasSize(CLIENTS);

            Eventually.assertWithin(Duration.ofSeconds(10), () -> assertThat(server.sessions())
                    .hasSize(CLIENTS).allSatisfy(session -> assertThat(session.end()).isEqualTo(SessionEnd.QUIT)));
            assertThat(server.sessions()).extracting(SmtpSession::messageCount).containsOnly(MESSAGES_PER_CLIENT);
            assertThat(server.sessions()).extracting(SmtpSession::id)
                    .containsExactlyInAnyOrderElementsOf(sessionOfClient.values());
        }
    }

    private static void sendAll(FakeSmtpServer server, int client) {
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            for (int m = 0; m < MESSAGES_PER_CLIENT; m++) {
                smtp.send("MAIL FROM:<sender" + client + "@example.com>").expect("250 2.1.0");
                smtp.send("RCPT TO:<rcpt" + client + "@example.com>").expect("250 2.1.5");
                smtp.send("DATA").expect("354 ");
                smtp.sendRaw("Message-ID: <c" + client + ".m" + m + "@concurrency.test>\r\n"
                        + "Subject: client " + client + " message " + m + "\r\n\r\nbody\r\n.\r\n").expect("250 2.0.0");
            }
            smtp.send("QUIT").expect("221 ");
        }
    }
}
