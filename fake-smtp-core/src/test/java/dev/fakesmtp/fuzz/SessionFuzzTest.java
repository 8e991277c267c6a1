package dev.fakesmtp.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.support.Eventually;
import dev.fakesmtp.support.SmtpDialogue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * A whole session fed arbitrary bytes over a socket, on a lenient and on a strict server with
 * STARTTLS, AUTH and small limits: no exception escapes the session (it never ends as
 * {@link SessionEnd#ERROR}), every reply line is {@code ddd[ -]text CRLF}, and a fresh client is
 * served afterwards. The servers live as long as one fuzzing run (or one seed in regression
 * mode), so state left behind by one input meets the next. Seeds: {@code SessionFuzzTestInputs}.
 */
@Timeout(60)
class SessionFuzzTest {

    private static final Pattern REPLY_LINE = Pattern.compile("[2-5][0-9]{2}[ -][^\r\n]*");
    private static final String TLS_READY = "220 2.0.0 Ready to start TLS";
    /** Generous: under a fuzzing run's instrumentation the first TLS handshake alone can take seconds. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    private FakeSmtpServer lenient;
    private FakeSmtpServer strict;
    private ExecutorService writers;

    @BeforeEach
    void startServers() {
        lenient = configured(FakeSmtpServer.builder()).build().start();
        strict = configured(FakeSmtpServer.builder().strict()).build().start();
        writers = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void closeServers() throws InterruptedException {
        writers.shutdownNow();
        lenient.close();
        strict.close();
        assertThat(writers.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static FakeSmtpServer.Builder configured(FakeSmtpServer.Builder builder) {
        return builder.startTls().credentials("alice", "secret").maxMessageSize(2_000).maxRecipients(5)
                .maxBadCommands(20).user("bob@example.com", "Bob").mailingList("team", List.of("bob@example.com"))
                .shutdownTimeout(Duration.ofSeconds(2));
    }

    @FuzzTest(maxDuration = "2m")
    void serverSurvivesAnyBytes(byte[] input) throws Exception {
        // Jazzer's SSRF detector (on in fuzzing runs, reset before each input) reports every connect.
        try (SilentCloseable ours = BugDetectors.allowNetworkConnections((host, port) -> isLoopback(host)
                && (port == lenient.port() || port == strict.port()))) {
            for (FakeSmtpServer server : new FakeSmtpServer[] {lenient, strict}) {
                survives(server, input);
            }
        }
    }

    private void survives(FakeSmtpServer server, byte[] input) throws Exception {
        Exchange exchange = exchange(server, input);
        SmtpSession session = endedSession(server, exchange.clientPort);
        assertThat(session.end()).as("how the session ended; transcript:%n%s", session.transcriptText())
                .isNotIn(SessionEnd.ERROR, SessionEnd.OPEN);
        assertWellFormed(exchange);
        try (SmtpDialogue fresh = SmtpDialogue.afterEhlo(server)) {
            fresh.send("QUIT").expect("221 ");
        }
    }

    /** Writes {@code input} (then FIN) while reading every reply until the server closes. */
    private Exchange exchange(FakeSmtpServer server, byte[] input) throws Exception {
        try (Socket socket = new Socket(server.host(), server.port())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            Future<?> writing = writers.submit(() -> write(socket, input));
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            boolean reset = false;
            try {
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[8192];
                for (int count; (count = in.read(buffer)) >= 0; ) {
                    received.write(buffer, 0, count);
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("The server neither answered nor closed within " + WAIT
                        + "; received: " + received.toString(StandardCharsets.ISO_8859_1), e);
            } catch (SocketException e) {
                reset = true; // the server closed while our bytes were unread: the kernel sends RST
            }
            writing.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return new Exchange(socket.getLocalPort(), received.toByteArray(), reset);
        }
    }

    private static void write(Socket socket, byte[] input) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(input);
            out.flush();
            socket.shutdownOutput();
        } catch (IOException e) {
            // The server closed first (421, TLS failure): what it sent is checked all the same.
        }
    }

    private static SmtpSession endedSession(FakeSmtpServer server, int clientPort) {
        SmtpSession[] found = new SmtpSession[1];
        Eventually.assertWithin(WAIT, () -> {
            found[0] = server.sessions().stream()
                    .filter(session -> session.clientAddress().getPort() == clientPort)
                    .findFirst().orElseThrow(() -> new AssertionError("no session for port " + clientPort));
            assertThat(found[0].end()).isNotEqualTo(SessionEnd.OPEN);
        });
        return found[0];
    }

    /** Every complete line is a reply line; a multi-line reply keeps its code; nothing is left dangling. */
    private static void assertWellFormed(Exchange exchange) {
        String text = new String(exchange.received, StandardCharsets.ISO_8859_1);
        int start = 0;
        String continued = null;
        while (true) {
            int end = text.indexOf("\r\n", start);
            if (end < 0) {
                break;
            }
            String line = text.substring(start, end);
            assertThat(line).as("reply line in:%n%s", text).matches(REPLY_LINE);
            if (continued != null) {
                assertThat(line).as("continuation of a multi-line reply in:%n%s", text).startsWith(continued);
            }
            continued = line.charAt(3) == '-' ? line.substring(0, 3) : null;
            start = end + 2;
            if (line.equals(TLS_READY)) {
                return; // TLS records follow, not reply lines
            }
        }
        if (!exchange.reset) {
            assertThat(text.substring(start)).as("bytes after the last CRLF in:%n%s", text).isEmpty();
            assertThat(continued).as("an unfinished multi-line reply in:%n%s", text).isNull();
        }
    }

    private record Exchange(int clientPort, byte[] received, boolean reset) {
    }
}
