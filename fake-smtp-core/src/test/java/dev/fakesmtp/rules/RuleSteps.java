package dev.fakesmtp.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.TranscriptLine;
import dev.fakesmtp.support.Eventually;
import java.time.Duration;
import java.util.List;

/** What the rule tests ask of the server after a dialogue (the dialogue itself is {@code SmtpDialogue}'s). */
final class RuleSteps {

    static final Duration WAIT = Duration.ofSeconds(5);

    private RuleSteps() {
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
