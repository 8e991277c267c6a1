package dev.fakesmtp.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The session time limit ends a session with a 421 the client can read (RFC 5321 §4.5.3.2: a
 * server that times out says so), also after a TLS handshake, where what bounded the handshake
 * must not end the session without its 421. The limits leave a loaded machine time for the
 * handshake; nothing here measures time.
 */
@Timeout(30)
class SessionTimeLimitTest {

    /** From accept: the greeting, EHLO and a first TLS handshake must fit, on a loaded 2-core machine (2 s did not). */
    private static final Duration LIMIT = Duration.ofSeconds(6);
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void aClientSilentAfterStartTlsGetsTheSessionTimeLimits421InsideTls() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().maxSessionDuration(LIMIT).build().start();
             SmtpDialogue smtp = SmtpDialogue.connect(server, WAIT)) {
            smtp.expect("220 ");
            smtp.send("EHLO client.test").expect("250 ");
            smtp.send("STARTTLS").expect("220 2.0.0 ");
            smtp.startTls(server.clientTls().sslContext());
            assertThat(smtp.readReply()).containsExactly(
                    "421 4.4.2 " + server.hostname() + " Session time limit exceeded, closing connection");
            smtp.expectClosed();
            assertThat(server.sessions().get(0).awaitEnd(WAIT)).isEqualTo(SessionEnd.SESSION_TIME_LIMIT);
        }
    }

    @Test
    void aClientSilentAfterTheImplicitTlsGreetingGetsTheSessionTimeLimits421() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls().maxSessionDuration(LIMIT).build().start();
             SmtpDialogue smtp = SmtpDialogue.connect(server, WAIT)) {
            smtp.startTls(server.clientTls().sslContext());
            smtp.expect("220 ");
            assertThat(smtp.readReply()).containsExactly(
                    "421 4.4.2 " + server.hostname() + " Session time limit exceeded, closing connection");
            smtp.expectClosed();
            assertThat(server.sessions().get(0).awaitEnd(WAIT)).isEqualTo(SessionEnd.SESSION_TIME_LIMIT);
        }
    }

    @Test
    void anIdleClientIsToldItWasIdleNotThatItsTimeIsUp() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().idleTimeout(Duration.ofMillis(300))
                .maxSessionDuration(Duration.ofMinutes(5)).build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            assertThat(smtp.readReply()).containsExactly("421 4.4.2 " + server.hostname() + " Idle timeout, closing connection");
            smtp.expectClosed();
            assertThat(server.sessions().get(0).awaitEnd(WAIT)).isEqualTo(SessionEnd.IDLE_TIMEOUT);
        }
    }
}
