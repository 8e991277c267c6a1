package dev.fakesmtp.assertj;

import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.TranscriptLine;
import dev.fakesmtp.Violation;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Assertions on one {@link SmtpSession} (a client connection): its transcript, the client's
 * protocol violations and how it ended. Failures show the transcript.
 *
 * <pre>{@code
 * assertThat(smtp.sessions().get(0)).hasNoViolations().hasReply("250 2.0.0").endedWithQuit();
 * }</pre>
 */
public class SmtpSessionAssert extends NavigatingAssert<SmtpSessionAssert, SmtpSession> {

    /**
     * Assertions on this session; usually through {@link FakeSmtpAssertions#assertThat(SmtpSession)}.
     *
     * @param actual the session under test
     */
    public SmtpSessionAssert(SmtpSession actual) {
        super(actual, SmtpSessionAssert.class);
    }

    /**
     * The client broke no protocol rule (bare LF, over-long lines, undeclared 8-bit data, ...).
     *
     * @return this assertion object, for chaining
     */
    public SmtpSessionAssert hasNoViolations() {
        isNotNull();
        if (!actual.violations().isEmpty()) {
            fail("Expecting session " + actual.id() + " to have no protocol violations, but the client committed "
                    + Summaries.count(actual.violations().size(), "violation") + ":\n  "
                    + actual.violations().stream().map(Violation::toString).collect(Collectors.joining("\n  ")));
        }
        return myself;
    }

    /**
     * The client committed at least one violation of this type.
     *
     * @param type the expected kind of violation
     * @return this assertion object, for chaining
     */
    public SmtpSessionAssert hasViolation(Violation.Type type) {
        isNotNull();
        if (actual.violations().stream().noneMatch(violation -> violation.type() == type)) {
            fail("Expecting session " + actual.id() + " to have a " + type + " violation, but it has "
                    + (actual.violations().isEmpty() ? "none" : actual.violations().toString()) + ".");
        }
        return myself;
    }

    /**
     * The client ended the session with QUIT (and got 221).
     *
     * @return this assertion object, for chaining
     */
    public SmtpSessionAssert endedWithQuit() {
        return hasEnded(SessionEnd.QUIT);
    }

    /**
     * The session ended this way ({@link SessionEnd#OPEN} while it is still open).
     *
     * @param end the expected way it ended
     * @return this assertion object, for chaining
     */
    public SmtpSessionAssert hasEnded(SessionEnd end) {
        isNotNull();
        if (actual.end() != end) {
            fail("Expecting session " + actual.id() + " to have ended with " + end + ", but its state is "
                    + actual.end() + ".");
        }
        return myself;
    }

    /**
     * The server sent a reply line starting with this, e.g. {@code "250 2.0.0"} or {@code "421"}.
     *
     * @param prefix the start of a reply line, e.g. {@code "550 5.1.1"}
     * @return this assertion object, for chaining
     */
    public SmtpSessionAssert hasReply(String prefix) {
        isNotNull();
        if (!hasLine(TranscriptLine.Direction.SERVER, prefix, false)) {
            fail("Expecting session " + actual.id() + " to have a server reply starting with \"" + prefix
                    + "\", but it has none.");
        }
        return myself;
    }

    /**
     * The client sent a command line starting with this, ignoring case, e.g. {@code "STARTTLS"}.
     *
     * @param prefix the start of a command line, e.g. {@code "STARTTLS"}
     * @return this assertion object, for chaining
     */
    public SmtpSessionAssert hasCommand(String prefix) {
        isNotNull();
        if (!hasLine(TranscriptLine.Direction.CLIENT, prefix, true)) {
            fail("Expecting session " + actual.id() + " to have a client command starting with \"" + prefix
                    + "\", but it has none.");
        }
        return myself;
    }

    /**
     * Some transcript line, in either direction, contains this text.
     *
     * @param text what some transcript line contains
     * @return this assertion object, for chaining
     */
    public SmtpSessionAssert transcriptContains(String text) {
        isNotNull();
        if (actual.transcript().stream().noneMatch(line -> line.text().contains(text))) {
            fail("Expecting the transcript of session " + actual.id() + " to contain \"" + text + "\", but it does not.");
        }
        return myself;
    }

    /**
     * The session ran over TLS (after STARTTLS, or on an implicit-TLS port).
     *
     * @return this assertion object, for chaining
     */
    public SmtpSessionAssert usedTls() {
        isNotNull();
        if (actual.tls().isEmpty()) {
            fail("Expecting session " + actual.id() + " to use TLS, but it stayed in plain text"
                    + actual.tlsFailure().map(failure -> " (the handshake failed: " + failure + ")").orElse("") + ".");
        }
        return myself;
    }

    /**
     * The client authenticated (AUTH) as this user.
     *
     * @param user the expected user
     * @return this assertion object, for chaining
     */
    public SmtpSessionAssert hasAuthenticatedUser(String user) {
        isNotNull();
        if (!actual.authentication().map(authentication -> authentication.user().equals(user)).orElse(false)) {
            fail("Expecting session " + actual.id() + " to have authenticated as \"" + user + "\", but "
                    + actual.authentication().map(authentication -> "it authenticated as " + authentication)
                            .orElse("the client did not authenticate") + ".");
        }
        return myself;
    }

    /**
     * The session delivered this many messages into the mailbox.
     *
     * @param count the expected number of captured messages
     * @return this assertion object, for chaining
     */
    public SmtpSessionAssert hasMessageCount(int count) {
        isNotNull();
        if (actual.messageCount() != count) {
            fail("Expecting session " + actual.id() + " to have delivered " + Summaries.count(count, "message")
                    + ", but it delivered " + actual.messageCount() + ".");
        }
        return myself;
    }

    private boolean hasLine(TranscriptLine.Direction direction, String prefix, boolean ignoreCase) {
        String wanted = ignoreCase ? prefix.toUpperCase(Locale.ROOT) : prefix;
        return actual.transcript().stream().filter(line -> line.direction() == direction)
                .map(line -> ignoreCase ? line.text().toUpperCase(Locale.ROOT) : line.text())
                .anyMatch(text -> text.startsWith(wanted));
    }

    private void fail(String message) {
        failWithMessage("%s", message + "\n" + Summaries.transcript(actual));
    }
}
