package com.example.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.FailureCase;
import dev.fakesmtp.FailureKind;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.junit5.SmtpFailureMatrix;
import dev.fakesmtp.junit5.SmtpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What reaches into the JDK or into JUnit's reflection on the module path: the failure matrix,
 * whose extension JUnit instantiates, and the live viewer, which serves its pages with the JDK's
 * jdk.httpserver module and its script from inside the core module.
 */
@SmtpServer
@Timeout(30)
class ModulePathExtrasTest {

    @SmtpFailureMatrix(include = "rcpt-550-user-unknown")
    void theFailureMatrixRunsOnTheModulePath(FailureCase failure, FakeSmtpServer smtp, Mailbox mailbox) {
        assertThat(failure.kind()).isEqualTo(FailureKind.PERMANENT);

        assertThatThrownBy(() -> new WelcomeMailer(smtp.host(), smtp.port()).sendWelcome("bob@example.com"))
                .hasMessageContaining("bob@example.com");
        assertThat(mailbox.messages()).isEmpty();
    }

    @Test
    void theLiveViewerServesItsPagesOnTheModulePath() throws Exception {
        try (FakeSmtpServer viewed = FakeSmtpServer.builder().webUi().build().start()) {
            new WelcomeMailer(viewed.host(), viewed.port()).sendWelcome("bob@example.com");
            viewed.mailbox().awaitMessages(1, Duration.ofSeconds(10));
            URI viewer = viewed.webUiUri().orElseThrow();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

            HttpResponse<String> messages = http.send(HttpRequest.newBuilder(viewer.resolve("/api/messages"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> script = http.send(HttpRequest.newBuilder(viewer.resolve("/viewer.js"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(messages.statusCode()).isEqualTo(200);
            assertThat(messages.body()).contains("\"subject\":\"Welcome!\"", "bob@example.com");
            assertThat(script.statusCode()).isEqualTo(200);
            assertThat(script.body()).contains("EventSource");
        }
    }
}
