package dev.fakesmtp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.AngusMail;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** When the viewer runs: only when asked, on loopback only, announced in the log, gone with the server. */
@Timeout(30)
class WebUiLifecycleTest {

    @Test
    @ResourceLock(value = Resources.SYSTEM_PROPERTIES, mode = ResourceAccessMode.READ)
    void isOffUnlessAskedFor() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().build().start()) {
            assertThat(smtp.webUiUri()).isEmpty();
        }
    }

    @Test
    @ResourceLock(value = Resources.SYSTEM_PROPERTIES, mode = ResourceAccessMode.READ_WRITE)
    void theSystemPropertyTurnsItOnForServersBuiltWhileItIsSet() {
        FakeSmtpServer.Builder builder = FakeSmtpServer.builder();
        FakeSmtpServer withProperty;
        System.setProperty(FakeSmtpServer.WEB_UI_PROPERTY, "true");
        try {
            withProperty = builder.build();
        } finally {
            System.clearProperty(FakeSmtpServer.WEB_UI_PROPERTY);
        }
        FakeSmtpServer without = builder.build();
        try (FakeSmtpServer on = withProperty.start(); FakeSmtpServer off = without.start()) {
            assertThat(on.webUiUri()).isPresent();
            assertThat(off.webUiUri()).isEmpty();
            assertThat(WebClient.get(on, "/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void isEmptyBeforeStartAndAfterClose() {
        FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build();
        assertThat(smtp.webUiUri()).isEmpty();
        smtp.start();
        assertThat(smtp.webUiUri()).isPresent();
        smtp.close();
        assertThat(smtp.webUiUri()).isEmpty();
    }

    @Test
    void listensOnLoopbackEvenWhenSmtpListensOnEveryInterface() throws Exception {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().bindAddress("0.0.0.0").webUi().build().start()) {
            URI viewer = smtp.webUiUri().orElseThrow();

            assertThat(InetAddress.getByName(viewer.getHost()).isLoopbackAddress()).as(viewer.toString()).isTrue();
            assertThat(WebClient.get(smtp, "/").statusCode()).isEqualTo(200);
            List<InetAddress> others = nonLoopbackAddresses();
            for (InetAddress other : others) {
                assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress(other, viewer.getPort()), 2_000))
                        .as("the viewer's port on %s", other).isInstanceOf(ConnectException.class);
            }
        }
    }

    @Test
    void logsWhereItListensWhenItStarts() {
        Logger logger = Logger.getLogger("dev.fakesmtp.internal.web.WebUi");
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                messages.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            assertThat(messages).contains("fake-smtp web UI for SMTP " + smtp.host() + ":" + smtp.port() + ": "
                    + smtp.webUiUri().orElseThrow());
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void theEventStreamAnnouncesEachMessageAsItArrives() throws Exception {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            HttpResponse<InputStream> stream = WebClient.send(WebClient.request(smtp, "/events").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.headers().firstValue("Content-Type")).contains("text/event-stream; charset=utf-8");
            try (BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                assertThat(readUntil(events, ": connected")).isTrue();

                AngusMail.send(AngusMail.plain(smtp), "Live");

                assertThat(readUntil(events, "event: mail")).isTrue();
                assertThat(events.readLine()).isEqualTo("data: \"s1-1\"");
            }
        }
    }

    @Test
    void closeEndsOpenEventStreamsAndFreesThePort() throws Exception {
        FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start();
        URI viewer = smtp.webUiUri().orElseThrow();
        HttpResponse<InputStream> stream = WebClient.send(WebClient.request(smtp, "/events").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(readUntil(events, ": connected")).isTrue();

            smtp.close(); // bounded: the class's @Timeout fails the test if it hangs

            assertThat(readUntil(events, "never sent")).as("the stream ended").isFalse();
        }
        assertThatThrownBy(() -> new Socket(viewer.getHost(), viewer.getPort()).close())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void atMostSixtyFourEventStreamsAreOpenAtOnceAndTheNextIsRefused() throws Exception {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            List<BufferedReader> open = new ArrayList<>();
            try {
                for (int i = 0; i < 64; i++) {
                    HttpResponse<InputStream> stream = WebClient.send(WebClient.request(smtp, "/events").build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
                    open.add(events);
                    assertThat(stream.statusCode()).as("stream %d", i + 1).isEqualTo(200);
                    assertThat(readUntil(events, ": connected")).as("stream %d", i + 1).isTrue();
                }

                HttpResponse<String> refused = WebClient.get(smtp, "/events");

                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(refused.body()).isEqualTo("Too many open event streams");
            } finally {
                for (BufferedReader events : open) {
                    events.close();
                }
            }
        }
    }

    @Test
    void closeEndsTheThreadsThatServedOpenEventStreams() throws Exception {
        FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start();
        int port = smtp.port();
        HttpResponse<InputStream> stream = WebClient.send(WebClient.request(smtp, "/events").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(readUntil(events, ": connected")).isTrue();
            assertThat(webThreads(port)).isNotEmpty();

            smtp.close();

            // Well before the stream's 15 s keep-alive, which is when a forgotten stream would notice.
            dev.fakesmtp.support.Eventually.assertWithin(java.time.Duration.ofSeconds(5),
                    () -> assertThat(webThreads(port)).isEmpty());
        }
    }

    /** The viewer's live threads (a thread dump's view, so virtual threads count on JDK 21+). */
    private static List<String> webThreads(int port) {
        return dev.fakesmtp.support.ServerThreads.alive(port).stream()
                .filter(name -> name.startsWith("fake-smtp-web-")).toList();
    }

    /** Reads lines until one equals {@code wanted} (true) or the stream ends (false). */
    private static boolean readUntil(BufferedReader reader, String wanted) {
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.equals(wanted)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false; // the connection was closed under the read: the stream ended
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                network.inetAddresses().filter(address -> address instanceof java.net.Inet4Address)
                        .forEach(addresses::add);
            }
        }
        return addresses;
    }
}
