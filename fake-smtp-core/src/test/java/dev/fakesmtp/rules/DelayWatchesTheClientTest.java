package dev.fakesmtp.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.TranscriptLine;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.support.SmtpDialogue;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A delayed reply keeps an eye on the client: a client that gives up (closes, or sends its TLS
 * close_notify and waits for ours, as Java's TLS sockets do) ends the session at once instead of
 * keeping a thread until the delay is over; a client that waits gets its reply, in clear text or
 * TLS; bytes it sends meanwhile are answered after the delay, in order.
 */
@Timeout(20)
class DelayWatchesTheClientTest {

    /** Far longer than the test's timeout: only the client's leaving can end it in time. */
    private static final Duration FOREVER = Duration.ofMinutes(10);

    @Test
    void aClientThatHangsUpDuringADelayEndsTheSession() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            server.on(Trigger.mailFrom()).delay(FOREVER);
            SmtpSession session;
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.socket().setSoTimeout(200);
                smtp.send("MAIL FROM:<a@example.com>");
                assertThatThrownBy(() -> smtp.readByte()).isInstanceOf(SocketTimeoutException.class);
                session = server.sessions().get(0);
                assertThat(session.end()).isEqualTo(SessionEnd.OPEN);
            } // the client gives up

            assertThat(session.awaitEnd(RuleSteps.WAIT)).isEqualTo(SessionEnd.CLIENT_DISCONNECTED);
            assertThat(session.transcript()).extracting(TranscriptLine::text)
                    .contains("(delay ended: the client closed the connection)");
        }
    }

    @Test
    void aTlsClientThatHangsUpDuringADelayEndsTheSession() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start()) {
            SmtpSession session;
            try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
                smtp.send("STARTTLS").expect("220 ");
                smtp.startTls(server.clientTls().sslContext());
                smtp.send("EHLO client.test").expect("250 ");
                server.on(Trigger.mailFrom()).delay(FOREVER);
                smtp.socket().setSoTimeout(200);
                smtp.send("MAIL FROM:<a@example.com>");
                assertThatThrownBy(() -> smtp.readByte()).isInstanceOf(SocketTimeoutException.class);
                session = server.sessions().get(0);
            } // close_notify, then the TCP close

            assertThat(session.awaitEnd(RuleSteps.WAIT)).isEqualTo(SessionEnd.CLIENT_DISCONNECTED);
        }
    }

    @Test
    void aTlsClientThatWaitsGetsTheLateReplyAndGoesOn() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("STARTTLS").expect("220 ");
            smtp.startTls(server.clientTls().sslContext());
            smtp.send("EHLO client.test").expect("250 ");
            server.on(Trigger.mailFrom()).once().delay(Duration.ofMillis(700));

            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0 ");
            smtp.send("RCPT TO:<b@example.com>").expect("250 ");
            smtp.data("after a late reply").expect("250 2.0.0 ");
            assertThat(server.mailbox().messages()).hasSize(1);
        }
    }

    @Test
    void commandsSentDuringADelayAreAnsweredAfterItInOrder() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.on(Trigger.mailFrom()).delay(Duration.ofMillis(500));

            // One write: the RCPT is there before the delay starts, so the delay has nothing to watch.
            smtp.sendRaw("MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\n");
            smtp.expect("250 2.1.0 ");
            smtp.expect("250 2.1.5 ");
            smtp.send("NOOP").expect("250 ");
            // The delay ran its course: the transcript must not claim it was cut short.
            assertThat(RuleSteps.ruleLines(server.sessions().get(0))).extracting(TranscriptLine::text)
                    .containsExactly("(delayed PT0.5S)");
        }
    }

    /**
     * The delay watches the client in short slices; the TLS handshake after a delayed STARTTLS
     * reply is bounded by the idle timeout all the same, not by the last slice: a client that
     * takes a moment before its ClientHello (as one busy elsewhere does) still gets TLS.
     */
    @Test
    void aClientSlowToStartTlsAfterADelayedReplyStillGetsTls() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            server.on(Trigger.startTls()).once().delay(Duration.ofMillis(200));
            smtp.send("STARTTLS").expect("220 ");
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos()); // the client's own pace is the point
            smtp.startTls(server.clientTls().sslContext());
            smtp.send("EHLO client.test").expect("250 ");
            assertThat(server.sessions().get(0).tls()).isPresent();
        }
    }
}
