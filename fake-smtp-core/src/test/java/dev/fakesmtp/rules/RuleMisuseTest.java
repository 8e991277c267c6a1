package dev.fakesmtp.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.Trigger;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Rules that make no sense fail where they are written, and add nothing to the server. */
@Timeout(20)
class RuleMisuseTest {

    @Test
    void blackHoleNeedsAnEndOfDataTrigger() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            assertThatIllegalStateException().isThrownBy(() -> server.on(Trigger.rcptTo("bob@example.com")).blackHole())
                    .withMessageContaining("end-of-data");
            assertThatIllegalStateException().isThrownBy(() -> server.on(Trigger.data()).blackHole());
            assertThatIllegalStateException().isThrownBy(() -> server.on(Trigger.bdat()).blackHole());
            assertThat(server.rules()).isEmpty();
            assertThat(server.on(Trigger.endOfData(mail -> true)).blackHole().description())
                    .contains("accept and drop the message");
        }
    }

    @Test
    void countsMustBePositive() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            assertThatIllegalArgumentException().isThrownBy(() -> server.on(Trigger.noop()).times(0));
            assertThatIllegalArgumentException().isThrownBy(() -> server.on(Trigger.noop()).times(-1));
            assertThatIllegalArgumentException().isThrownBy(() -> server.on(Trigger.noop()).onlyNth(0));
            assertThatIllegalArgumentException().isThrownBy(() -> server.on(Trigger.noop()).fromNth(0));
            assertThat(server.rules()).isEmpty();
        }
    }

    @Test
    void aProbabilityIsBetweenZeroAndOne() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            assertThatIllegalArgumentException().isThrownBy(() -> server.on(Trigger.noop()).withProbability(1.5, 1))
                    .withMessageContaining("1.5");
            assertThatIllegalArgumentException().isThrownBy(() -> server.on(Trigger.noop()).withProbability(-0.1, 1));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> server.on(Trigger.noop()).withProbability(Double.NaN, 1));
            assertThat(server.rules()).isEmpty();
        }
    }

    @Test
    void delaysMustBePositive() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            assertThatIllegalArgumentException().isThrownBy(() -> server.on(Trigger.noop()).delay(Duration.ZERO));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> server.on(Trigger.noop()).delayThenReply(Duration.ofSeconds(-1), 250, "x"));
            assertThat(server.rules()).isEmpty();
        }
    }

    @Test
    void repliesMustBeValidSmtpReplies() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            assertThatIllegalArgumentException().isThrownBy(() -> server.on(Trigger.noop()).reply(99, "too small"));
            assertThatIllegalArgumentException().isThrownBy(() -> server.on(Trigger.noop()).reply(550, "4.1.1 wrong class"));
            assertThatIllegalArgumentException().isThrownBy(() -> server.on(Trigger.noop()).reply(550, "two\r\nlines"));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> server.on(Trigger.noop()).reply(SmtpReply.of(550, "5.0.0", java.util.List.of())));
            assertThat(server.rules()).isEmpty();
        }
    }

    @Test
    void nullsAreRefused() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            assertThatNullPointerException().isThrownBy(() -> server.on(null));
            assertThatNullPointerException().isThrownBy(() -> Trigger.rcptTo((String) null));
            assertThatNullPointerException().isThrownBy(() -> Trigger.mailFrom((java.util.regex.Pattern) null));
            assertThatNullPointerException().isThrownBy(() -> Trigger.endOfData(null));
            assertThatNullPointerException().isThrownBy(() -> server.on(Trigger.noop()).reply(null));
            assertThatNullPointerException().isThrownBy(() -> server.scenarios().mailboxFull(null));
            assertThat(server.rules()).isEmpty();
        }
    }
}
