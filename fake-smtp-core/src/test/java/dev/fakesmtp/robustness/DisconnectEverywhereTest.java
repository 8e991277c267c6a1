package dev.fakesmtp.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.Violation;
import dev.fakesmtp.support.Eventually;
import dev.fakesmtp.support.SmtpDialogue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One full transaction (EHLO, [STARTTLS, EHLO,] AUTH PLAIN, MAIL, two RCPT, DATA with a body,
 * QUIT), cut short by the client at every point: in clear text after every byte offset, with
 * TLS after and in the middle of every command (a TLS byte stream cannot be replayed by offset).
 * After each cut: nothing partial is captured, a message whose end of data arrived is captured
 * exactly once, the session has ended (none stays OPEN, so no socket is left), and the next client
 * is served (each cut is the next client of the one before).
 */
@Timeout(60)
class DisconnectEverywhereTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String BODY = "Date: Thu, 26 Nov 2026 12:00:00 +0000\r\nFrom: a@example.com\r\n"
            + "Message-ID: <cut@example.com>\r\nSubject: cut\r\n\r\nline one\r\n..leading dot\r\n";
    private static final String AUTH = "AUTH PLAIN "
            + Base64.getEncoder().encodeToString("\0alice\0secret".getBytes(StandardCharsets.UTF_8)) + "\r\n";

    /** One client command (or the message) and the start of the reply it gets. */
    private record Step(String bytes, String reply) {
    }

    private static final List<Step> TRANSACTION = List.of(
            new Step(AUTH, "235 "),
            new Step("MAIL FROM:<a@example.com>\r\n", "250 "),
            new Step("RCPT TO:<b@example.com>\r\n", "250 "),
            new Step("RCPT TO:<c@example.com>\r\n", "250 "),
            new Step("DATA\r\n", "354 "),
            new Step(BODY.replace("\r\n..", "\r\n...") + ".\r\n", "250 "),
            new Step("QUIT\r\n", "221 "));

    @Test
    void plainDialogueCutAfterEveryByteOffset() {
        List<Step> steps = concat(List.of(new Step("EHLO client.test\r\n", "250 ")), TRANSACTION);
        int total = steps.stream().mapToInt(step -> step.bytes().length()).sum();
        int endOfData = total - "QUIT\r\n".length();
        try (FakeSmtpServer server = FakeSmtpServer.builder().credentials("alice", "secret").build().start()) {
            int captured = 0;
            for (int cut = 0; cut <= total; cut++) {
                try (SmtpDialogue wire = SmtpDialogue.connect(server, SmtpDialogue.PATIENT_TIMEOUT)) {
                    wire.expect("220 ");
                    play(wire, steps, cut, null, null);
                }
                boolean complete = cut >= endOfData;
                captured += complete ? 1 : 0;
                assertAfterCut(server, cut, captured, complete,
                        cut == total ? SessionEnd.QUIT : SessionEnd.CLIENT_DISCONNECTED);
            }
            assertThat(server.sessions()).hasSize(total + 1);
        }
    }

    @Test
    void tlsDialogueCutAtAndInsideEveryCommand() {
        List<Step> steps = concat(List.of(new Step("EHLO client.test\r\n", "250 "), new Step("STARTTLS\r\n", "220 "),
                new Step("EHLO client.test\r\n", "250 ")), TRANSACTION);
        int tlsStep = 2;
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().credentials("alice", "secret")
                .build().start()) {
            int captured = 0;
            int cuts = 0;
            for (int step = 0; step <= steps.size(); step++) {
                for (boolean inside : new boolean[] {false, true}) {
                    if (inside && step == steps.size()) {
                        continue;
                    }
                    int cut = offset(steps, step) + (inside ? steps.get(step).bytes().length() / 2 : 0);
                    try (SmtpDialogue wire = SmtpDialogue.connect(server, SmtpDialogue.PATIENT_TIMEOUT)) {
                        wire.expect("220 ");
                        play(wire, steps, cut, server, tlsStep);
                    }
                    cuts++;
                    boolean complete = step >= steps.size() - 1;
                    captured += complete ? 1 : 0;
                    SessionEnd end = step == steps.size() ? SessionEnd.QUIT
                            : step == tlsStep && !inside ? SessionEnd.TLS_HANDSHAKE_FAILED
                            : SessionEnd.CLIENT_DISCONNECTED;
                    SmtpSession session = assertAfterCut(server, cut, captured, complete, end);
                    assertThat(session.tls().isPresent()).as("TLS after cut %d", cut)
                            .isEqualTo(step > tlsStep || (step == tlsStep && inside));
                }
            }
            assertThat(server.sessions()).hasSize(cuts);
            assertThat(server.mailbox().messages()).allSatisfy(mail -> assertThat(mail.envelope().tls()).isPresent());
        }
    }

    /**
     * Sends the first {@code cut} bytes of the steps as a client would: each whole command, then
     * its reply; then the part of the next command before the cut, and the FIN.
     */
    private static void play(SmtpDialogue wire, List<Step> steps, int cut, FakeSmtpServer server, Integer tlsStep) {
        try {
            playUntil(wire, steps, cut, server, tlsStep);
        } catch (AssertionError e) {
            throw new AssertionError("Cut after " + cut + " octets: " + e.getMessage(), e);
        }
    }

    private static void playUntil(SmtpDialogue wire, List<Step> steps, int cut, FakeSmtpServer server, Integer tlsStep) {
        int sent = 0;
        for (int i = 0; i < steps.size() && sent < cut; i++) {
            byte[] bytes = steps.get(i).bytes().getBytes(StandardCharsets.UTF_8);
            if (sent + bytes.length > cut) {
                wire.sendRaw(Arrays.copyOf(bytes, cut - sent));
                break;
            }
            wire.sendRaw(bytes).expect(steps.get(i).reply());
            sent += bytes.length;
            if (tlsStep != null && i == tlsStep - 1 && sent < cut) {
                wire.startTls(server.clientTls().sslContext());
            }
        }
        wire.cutAndAwaitServerClose();
    }

    private static SmtpSession assertAfterCut(FakeSmtpServer server, int cut, int captured, boolean complete,
                                              SessionEnd end) {
        Eventually.assertWithin(WAIT, () -> assertThat(server.sessions()).as("sessions still open after cut %d", cut)
                .extracting(SmtpSession::end).doesNotContain(SessionEnd.OPEN));
        List<SmtpSession> sessions = server.sessions();
        SmtpSession session = sessions.get(sessions.size() - 1);
        String context = "cut after " + cut + " octets; transcript:\n" + session.transcriptText();
        assertThat(session.end()).as(context).isEqualTo(end);
        List<Violation.Type> expected = end == SessionEnd.CLIENT_DISCONNECTED ? List.of(Violation.Type.NO_QUIT) : List.of();
        assertThat(session.violations()).as(context).extracting(Violation::type).containsExactlyElementsOf(expected);
        List<ReceivedMail> mails = server.mailbox().messages();
        assertThat(mails).as(context).hasSize(captured);
        assertThat(session.messageCount()).as(context).isEqualTo(complete ? 1 : 0);
        assertThat(mails).allSatisfy(mail -> {
            assertThat(mail.rawText()).isEqualTo(BODY);
            assertThat(mail.envelope().recipients()).containsExactly("b@example.com", "c@example.com");
            assertThat(mail.envelope().authenticatedUser()).contains("alice");
        });
        return session;
    }

    private static int offset(List<Step> steps, int count) {
        return steps.subList(0, count).stream().mapToInt(step -> step.bytes().length()).sum();
    }

    private static List<Step> concat(List<Step> first, List<Step> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
