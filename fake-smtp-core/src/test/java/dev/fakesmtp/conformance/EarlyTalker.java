package dev.fakesmtp.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.Violation;
import dev.fakesmtp.support.Eventually;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A client that writes EHLO the moment it is connected, before reading the greeting.
 *
 * <p>Whether the server sees those bytes before it greets is a race the client cannot win for
 * sure: the server checks for input once, right before it writes the greeting, and the bytes
 * may still be in flight. ({@link DelayedGreetingTest} takes the race out with a delayed greeting.) So this tries up to {@value #ATTEMPTS} connections until one is caught, and asserts for
 * every attempt what is deterministic: a caught one has the violation (and, strict, got 554 5.5.0
 * and was closed); one that was not caught has no violation and got its 220. In practice the
 * first attempt is nearly always caught.
 */
final class EarlyTalker {

    static final int ATTEMPTS = 50;

    private EarlyTalker() {
    }

    static void talkFirst(FakeSmtpServer server, boolean strict) throws IOException {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            String first;
            try (Socket socket = new Socket(server.host(), server.port())) {
                socket.setSoTimeout(5_000);
                OutputStream out = socket.getOutputStream();
                out.write("EHLO early.test\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII));
                first = in.readLine();
                if (first.startsWith("220 ")) {
                    String line;
                    do {
                        line = in.readLine();
                    } while (line.startsWith("250-"));
                    assertThat(line).startsWith("250 ");
                    out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                    assertThat(in.readLine()).startsWith("221 ");
                }
            }
            SmtpSession session = ended(server, attempt - 1);
            List<Violation.Type> types = session.violations().stream().map(Violation::type).toList();
            if (types.isEmpty()) {
                assertThat(first).as("not caught: greeted normally").startsWith("220 ");
                continue;
            }
            assertThat(types).containsExactly(Violation.Type.COMMAND_BEFORE_GREETING);
            if (strict) {
                assertThat(first).startsWith("554 5.5.0");
                assertThat(session.end()).isEqualTo(SessionEnd.TOO_MANY_ERRORS);
            } else {
                assertThat(first).startsWith("220 ");
                assertThat(session.end()).isEqualTo(SessionEnd.QUIT);
            }
            return;
        }
        throw new AssertionError("In " + ATTEMPTS + " connections the server never saw the client's bytes before"
                + " its greeting");
    }

    private static SmtpSession ended(FakeSmtpServer server, int index) {
        Eventually.assertWithin(Duration.ofSeconds(5), () -> assertThat(server.sessions().get(index).end())
                .isNotEqualTo(SessionEnd.OPEN));
        return server.sessions().get(index);
    }
}
