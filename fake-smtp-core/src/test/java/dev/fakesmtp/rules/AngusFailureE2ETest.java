package dev.fakesmtp.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.Rule;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.Trigger;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a real client (Jakarta Mail with Eclipse Angus) sees when a rule fails the dialogue:
 * the exception types, reply codes and partial deliveries its error handling has to cope with.
 */
@Timeout(20)
class AngusFailureE2ETest {

    @Test
    void oneRejectedRecipientWithSendPartial() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            server.on(Trigger.rcptTo("bob@example.com")).reply(550, "5.1.1 No such user");
            Properties properties = AngusClient.properties(server, "mail.smtp.sendpartial", "true");
            MimeMessage message = AngusClient.message(properties, "partial",
                    "alice@example.com, bob@example.com, carol@example.com");

            SendFailedException failure = thrown(SendFailedException.class,
                    () -> AngusClient.send(message));

            assertThat(addresses(failure.getValidSentAddresses()))
                    .containsExactly("alice@example.com", "carol@example.com");
            assertThat(addresses(failure.getInvalidAddresses())).containsExactly("bob@example.com");
            assertThat(chain(failure)).filteredOn(SMTPAddressFailedException.class::isInstance)
                    .map(SMTPAddressFailedException.class::cast).singleElement()
                    .satisfies(refused -> {
                        assertThat(refused.getReturnCode()).isEqualTo(550);
                        assertThat(refused.getAddress().getAddress()).isEqualTo("bob@example.com");
                        assertThat(refused.getMessage()).contains("5.1.1 No such user");
                    });
            ReceivedMail mail = server.mailbox().awaitMessages(1, RuleSteps.WAIT).get(0);
            assertThat(mail.envelope().recipients()).containsExactly("alice@example.com", "carol@example.com");
        }
    }

    @Test
    void a451AtEndOfDataIsAnSmtpSendFailedException() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            server.on(Trigger.endOfData()).reply(451, "4.3.0 Temporary failure, try again");
            Properties properties = AngusClient.properties(server);

            SMTPSendFailedException failure = thrown(SMTPSendFailedException.class,
                    () -> AngusClient.send(properties, "refused", "bob@example.com"));

            assertThat(failure.getReturnCode()).isEqualTo(451);
            assertThat(failure.getMessage()).contains("4.3.0 Temporary failure, try again");
            assertThat(server.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void a421GreetingIsAMessagingExceptionOnConnect() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            server.on(Trigger.connect()).reply(421, "4.3.2 Service not available");
            Properties properties = AngusClient.properties(server);

            MessagingException failure = thrown(MessagingException.class,
                    () -> AngusClient.send(properties, "never", "bob@example.com"));

            assertThat(failure).hasMessageContaining("421");
            assertThat(server.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void theClientsReadTimeoutExpiresOnADelayedReply() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            server.on(Trigger.mailFrom()).delay(Duration.ofSeconds(3));
            Properties properties = AngusClient.properties(server, "mail.smtp.timeout", "500");

            MessagingException failure = thrown(MessagingException.class,
                    () -> AngusClient.send(properties, "late", "bob@example.com"));

            assertThat(chain(failure)).anySatisfy(cause -> assertThat(cause).isInstanceOf(SocketTimeoutException.class));
            assertThat(server.mailbox().messages()).isEmpty();
        } // close() interrupts the rule's delay: the test does not wait the 3 s out
    }

    @Test
    void aRetryLoopSucceedsOnTheThirdTryAfterTwo421Greetings() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Rule rule = server.on(Trigger.connect()).times(2).reply(421, "4.3.2 Try again later");
            Properties properties = AngusClient.properties(server);

            int attempts = sendWithRetries(properties, 5);

            assertThat(attempts).isEqualTo(3);
            assertThat(rule.timesFired()).isEqualTo(2);
            assertThat(server.mailbox().awaitMessages(1, RuleSteps.WAIT)).hasSize(1);
        }
    }

    @Test
    void aRetryLoopSucceedsOnTheThirdTryAfterTwo451AtEndOfData() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            Rule rule = server.on(Trigger.endOfData()).times(2).reply(451, "4.3.0 Try again later");
            Properties properties = AngusClient.properties(server);

            int attempts = sendWithRetries(properties, 5);

            assertThat(attempts).isEqualTo(3);
            assertThat(rule.timesFired()).isEqualTo(2);
            assertThat(server.mailbox().awaitMessages(1, RuleSteps.WAIT)).hasSize(1);
            assertThat(server.mailbox().messages()).hasSize(1); // the refused tries left nothing behind
        }
    }

    @Test
    void aDisconnectInTheMiddleOfDataCapturesNothing() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            server.on(Trigger.endOfData()).disconnect();
            Properties properties = AngusClient.properties(server);

            MessagingException failure = thrown(MessagingException.class,
                    () -> AngusClient.send(properties, "cut off", "bob@example.com"));

            // Angus's words for a connection that ended where the reply to the end of data was due.
            assertThat(failure).hasMessage("[EOF]");
            RuleSteps.endedSession(server, SessionEnd.CLOSED_BY_RULE);
            assertThat(server.mailbox().messages()).isEmpty();
        }
    }

    @Test
    void aFailedStartTlsHandshakeIsAMessagingException() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start()) {
            server.on(Trigger.startTls()).failTlsHandshake();
            Properties properties = server.mailProperties();
            properties.put("mail.smtp.connectiontimeout", "5000");
            properties.put("mail.smtp.timeout", "5000");
            properties.put("mail.smtp.writetimeout", "5000");

            MessagingException failure = thrown(MessagingException.class,
                    () -> AngusClient.send(properties, "secret", "bob@example.com"));

            assertThat(chain(failure)).anySatisfy(cause -> assertThat(cause).isInstanceOf(SSLException.class));
            assertThat(RuleSteps.endedSession(server, SessionEnd.TLS_HANDSHAKE_FAILED).tlsFailure()).isPresent();
            assertThat(server.mailbox().messages()).isEmpty();
        }
    }

    /** What {@code call} throws, asserted to be a {@code type}. */
    private static <T extends Throwable> T thrown(Class<T> type, ThrowingCallable call) {
        Throwable failure = catchThrowable(call);
        assertThat(failure).as("what the client threw").isInstanceOf(type);
        return type.cast(failure);
    }

    /** Sends until it works, up to {@code maxAttempts}; returns the attempt that worked. */
    private static int sendWithRetries(Properties properties, int maxAttempts) throws MessagingException {
        for (int attempt = 1; ; attempt++) {
            try {
                AngusClient.send(properties, "retried", "bob@example.com");
                return attempt;
            } catch (MessagingException e) {
                if (attempt == maxAttempts) {
                    throw e;
                }
            }
        }
    }

    /** The exception, its causes and its chained next exceptions, each once. */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> seen = new ArrayList<>();
        List<Throwable> todo = new ArrayList<>(List.of(failure));
        while (!todo.isEmpty()) {
            Throwable next = todo.remove(0);
            if (next == null || seen.contains(next)) {
                continue;
            }
            seen.add(next);
            todo.add(next.getCause());
            if (next instanceof MessagingException messaging) {
                todo.add(messaging.getNextException());
            }
        }
        return seen;
    }

    private static List<String> addresses(Address[] addresses) {
        List<String> out = new ArrayList<>();
        for (Address address : addresses == null ? new Address[0] : addresses) {
            out.add(address.toString());
        }
        return out;
    }
}
