package dev.fakesmtp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FailureCase;
import dev.fakesmtp.FailureCatalog;
import dev.fakesmtp.FailureKind;
import dev.fakesmtp.FailureStage;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Rule;
import dev.fakesmtp.TranscriptLine;
import jakarta.mail.AuthenticationFailedException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every catalogue case against a real client (Jakarta Mail on Eclipse Angus): the first attempt
 * fails the way the case's kind promises (a 4xx or 5xx the client reports, a dropped connection,
 * a read timeout, a TLS or login failure), and a well-behaved second attempt ends the way its
 * reaction says: a retry delivers, a permanent refusal refuses again, a "did it arrive?" case
 * has delivered already, a HELO fallback delivers at once.
 */
@Timeout(30)
class FailureCatalogAngusTest {

    private static final List<String> RECIPIENTS = List.of("alice@example.com", "bob@example.com");

    static Stream<FailureCase> cases() {
        return FailureCatalog.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theClientSeesWhatTheKindPromisesAndEndsAsTheReactionSays(FailureCase failure) {
        try (FakeSmtpServer server = serverFor(failure).start()) {
            List<Rule> rules = failure.applyTo(server);

            AngusAttempt first = AngusAttempt.send(server, failure, RECIPIENTS);

            assertThat(rules).as("the rules of %s fired", failure.id()).anyMatch(rule -> rule.timesFired() > 0);
            if (failure.reaction() == FailureCase.Reaction.FALL_BACK) {
                fellBack(server, failure, first);
                return;
            }
            seesWhatTheKindPromises(failure, first);
            switch (failure.reaction()) {
                case RETRY -> {
                    AngusAttempt retry = AngusAttempt.retry(server, failure, first.undelivered(RECIPIENTS));
                    assertThat(retry.failure()).as("the retry of %s: %s", failure.id(), retry.describe()).isNull();
                    everyRecipientGotItOnce(server);
                }
                case GIVE_UP -> {
                    List<String> refused = first.undelivered(RECIPIENTS);
                    assertThat(refused).as("refused recipients").isNotEmpty();
                    AngusAttempt again = AngusAttempt.retry(server, failure, refused);
                    assertThat(again.failure()).as("a second attempt is refused too").isNotNull();
                    seesWhatTheKindPromises(failure, again);
                    refused.forEach(recipient ->
                            assertThat(server.mailbox().messagesTo(recipient)).as("mail to %s", recipient).isEmpty());
                }
                case DO_NOT_RESEND -> {
                    assertThat(first.delivered()).as("the client believes nothing arrived").isEmpty();
                    everyRecipientGotItOnce(server);
                }
                default -> throw new AssertionError("Unknown reaction " + failure.reaction());
            }
        }
    }

    /** The catalogue's TLS cases need STARTTLS; every server has an account the client logs in with. */
    private static FakeSmtpServer serverFor(FailureCase failure) {
        FakeSmtpServer plain = FakeSmtpServer.builder().credentials(AngusAttempt.USER, AngusAttempt.PASSWORD).build();
        if (failure.unavailableOn(plain).isEmpty()) {
            return plain;
        }
        return FakeSmtpServer.builder().startTls().credentials(AngusAttempt.USER, AngusAttempt.PASSWORD).build();
    }

    private static void seesWhatTheKindPromises(FailureCase failure, AngusAttempt attempt) {
        assertThat(attempt.failure()).as("%s fails the attempt", failure.id()).isNotNull();
        String chain = attempt.describe();
        int code = failure.reply().map(reply -> reply.code()).orElse(0);
        switch (failure.kind()) {
            case TRANSIENT, PERMANENT -> {
                assertThat(code / 100).isEqualTo(failure.kind() == FailureKind.TRANSIENT ? 4 : 5);
                if (code == 421 && failure.stage() != FailureStage.CONNECT && !attempt.replyCodes().contains(code)) {
                    // Angus answers a 421 mid-session with RSET or HELO into the connection the 421
                    // closed, and reports that failure instead (RFC 5321 §3.8: treat it as a 451).
                    droppedConnection(attempt, chain);
                } else {
                    assertThat(attempt.replyCodes()).as("reply codes the client reports:\n  %s", chain).contains(code);
                }
            }
            case CONNECTION -> droppedConnection(attempt, chain);
            case TIMEOUT -> assertThat(attempt.has(SocketTimeoutException.class))
                    .as("a read timeout:\n  %s", chain).isTrue();
            case TLS -> {
                if (code > 0) {
                    assertThat(attempt.replyCodes()).as("reply codes:\n  %s", chain).contains(code);
                } else {
                    assertThat(attempt.has(SSLException.class) || chain.contains("STARTTLS is required"))
                            .as("a TLS failure:\n  %s", chain).isTrue();
                }
            }
            case AUTH -> {
                assertThat(attempt.has(AuthenticationFailedException.class)).as("a refused login:\n  %s", chain).isTrue();
                assertThat(chain).contains(String.valueOf(code));
            }
            default -> throw new AssertionError("Unknown kind " + failure.kind());
        }
    }

    private static void droppedConnection(AngusAttempt attempt, String chain) {
        assertThat(attempt.has(IOException.class) || chain.contains("[EOF]"))
                .as("a dropped connection:\n  %s", chain).isTrue();
        assertThat(attempt.has(SocketTimeoutException.class)).as("no timeout:\n  %s", chain).isFalse();
    }

    private static void fellBack(FakeSmtpServer server, FailureCase failure, AngusAttempt attempt) {
        assertThat(attempt.failure()).as("%s: %s", failure.id(), attempt.describe()).isNull();
        everyRecipientGotItOnce(server);
        assertThat(server.sessions().get(0).transcript()).extracting(TranscriptLine::text)
                .anyMatch(text -> text.startsWith(failure.reply().orElseThrow().code() + " "))
                .anyMatch(text -> text.startsWith("HELO "));
    }

    private static void everyRecipientGotItOnce(FakeSmtpServer server) {
        for (String recipient : RECIPIENTS) {
            assertThat(server.mailbox().messagesTo(recipient)).as("copies for %s", recipient).hasSize(1);
        }
    }
}
