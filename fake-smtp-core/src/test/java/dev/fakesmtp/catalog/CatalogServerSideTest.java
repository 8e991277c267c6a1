package dev.fakesmtp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FailureCase;
import dev.fakesmtp.FailureCatalog;
import dev.fakesmtp.FailureKind;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Rule;
import dev.fakesmtp.SessionEnd;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the catalogue does to the server beyond one client's view: a late reply does not keep a
 * connection thread once its client gave up, and the TLS handshake case also fails an
 * implicit-TLS port.
 */
@Timeout(30)
class CatalogServerSideTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    static Stream<FailureCase> timeoutCases() {
        return FailureCatalog.of(FailureKind.TIMEOUT).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timeoutCases")
    void aLateReplyEndsWithTheClientThatGaveUpOnIt(FailureCase failure) {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                .credentials(AngusAttempt.USER, AngusAttempt.PASSWORD).build().start()) {
            failure.applyTo(server);
            AngusAttempt attempt = AngusAttempt.send(server, failure, List.of("alice@example.com"));
            assertThat(attempt.failure()).as(attempt.describe()).isNotNull();

            // The reply is due in two minutes; the session ends with the client, long before.
            assertThat(server.sessions().get(0).awaitEnd(WAIT)).isEqualTo(SessionEnd.CLIENT_DISCONNECTED);
        }
    }

    @Test
    void theHandshakeCaseFailsAnImplicitTlsPortAtOnce() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().implicitTls()
                .credentials(AngusAttempt.USER, AngusAttempt.PASSWORD).build().start()) {
            FailureCase failure = FailureCatalog.byId("starttls-handshake-failure");
            List<Rule> rules = failure.applyTo(server);

            AngusAttempt first = AngusAttempt.send(server, failure, List.of("alice@example.com"));
            assertThat(first.has(SSLException.class)).as(first.describe()).isTrue();
            assertThat(rules).singleElement().satisfies(rule -> {
                assertThat(rule.description()).contains("on connect");
                assertThat(rule.timesFired()).isEqualTo(1);
            });
            assertThat(AngusAttempt.retry(server, failure, List.of("alice@example.com")).failure()).isNull();
            assertThat(server.mailbox().messages()).hasSize(1);
        }
    }
}
