package dev.fakesmtp.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A rule event as it prints (in a debugger, a log line or a failing custom trigger's message):
 * what happened, never an AUTH command's credentials.
 */
class RuleEventTest {

    @Test
    void aCommandPrintsItsStageLineAndSender() {
        assertThat(RuleEvent.command("RCPT", "TO:<bob@example.com>", "a@example.com", 0))
                .hasToString("RuleEvent[COMMAND RCPT TO:<bob@example.com>, sender <a@example.com>]");
        assertThat(RuleEvent.connect()).hasToString("RuleEvent[CONNECT ]");
        assertThat(RuleEvent.authResult("PLAIN", "alice")).hasToString("RuleEvent[AUTH_RESULT AUTH PLAIN, user alice]");
    }

    @Test
    void anAuthCommandPrintsWithoutItsCredentials() {
        String secret = "AGFsaWNlAHMzY3IzdA=="; // "\0alice\0s3cr3t"
        String shown = RuleEvent.command("AUTH", "PLAIN " + secret, null, 0).toString();

        assertThat(shown).startsWith("RuleEvent[COMMAND AUTH PLAIN ").doesNotContain(secret).endsWith("]");
    }
}
