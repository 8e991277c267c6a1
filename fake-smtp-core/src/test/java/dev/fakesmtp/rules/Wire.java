package dev.fakesmtp.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.TranscriptLine;
import dev.fakesmtp.support.Eventually;
import dev.fakesmtp.support.SmtpDialogue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Byte-level reads that {@link SmtpDialogue} does not offer (exact reply bytes, the end of the
 * stream without a reply) and short dialogue steps the rule tests share.
 */
final class Wire {

    static final Duration WAIT = Duration.ofSeconds(5);

    private Wire() {
    }

    /** Reads exactly as many bytes as {@code expected} has and asserts they are those bytes. */
    static void expectBytes(SmtpDialogue smtp, String expected) {
        byte[] want = expected.getBytes(StandardCharsets.UTF_8);
        byte[] got = new byte[want.length];
        try {
            InputStream in = smtp.socket().getInputStream();
            int read = 0;
            while (read < want.length) {
                int count = in.read(got, read, want.length - read);
                if (count < 0) {
                    break;
                }
                read += count;
            }
            assertThat(new String(Arrays.copyOf(got, read), StandardCharsets.UTF_8)).isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that the next read sees the end of the stream: a FIN, no reply, no reset. */
    static void expectEof(SmtpDialogue smtp) {
        try {
            assertThat(smtp.socket().getInputStream().read()).as("end of stream, without a reply").isEqualTo(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One read of one byte, with whatever timeout the socket has; for assertThatThrownBy. */
    static int readByte(SmtpDialogue smtp) throws IOException {
        return smtp.socket().getInputStream().read();
    }

    /** MAIL FROM and RCPT TO for each recipient, each expecting 250. */
    static void envelope(SmtpDialogue smtp, String from, String... recipients) {
        smtp.send("MAIL FROM:<" + from + ">").expect("250 ");
        for (String recipient : recipients) {
            smtp.send("RCPT TO:<" + recipient + ">").expect("250 ");
        }
    }

    /** DATA with a one-line message of this subject, up to (not including) the final reply. */
    static SmtpDialogue data(SmtpDialogue smtp, String subject) {
        smtp.send("DATA").expect("354 ");
        return smtp.sendRaw("Subject: " + subject + "\r\n\r\nHello.\r\n.\r\n");
    }

    /** {@code AUTH PLAIN} with the initial response for {@code user} and {@code password}. */
    static String authPlain(String user, String password) {
        String response = "\0" + user + "\0" + password;
        return "AUTH PLAIN " + Base64.getEncoder().encodeToString(response.getBytes(StandardCharsets.UTF_8));
    }

    /** The only session, once it has ended the way {@code end} says. */
    static SmtpSession endedSession(FakeSmtpServer server, SessionEnd end) {
        Eventually.assertWithin(WAIT, () -> {
            assertThat(server.sessions()).hasSize(1);
            assertThat(server.sessions().get(0).end()).isEqualTo(end);
        });
        return server.sessions().get(0);
    }

    /** The transcript lines of a session that a rule caused, in order. */
    static List<TranscriptLine> ruleLines(SmtpSession session) {
        return session.transcript().stream().filter(line -> line.causedBy().isPresent()).toList();
    }
}
