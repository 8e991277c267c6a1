package dev.fakesmtp.assertj;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.SmtpSession;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Assertions on a whole {@link FakeSmtpServer}: its mailbox and its sessions.
 *
 * <pre>{@code
 * assertThat(smtp).hasNoViolations().mailbox().singleMessage().hasSubject("Welcome");
 * }</pre>
 */
public class FakeSmtpServerAssert extends NavigatingAssert<FakeSmtpServerAssert, FakeSmtpServer> {

    /**
     * Assertions on this server; usually through {@link FakeSmtpAssertions#assertThat(FakeSmtpServer)}.
     *
     * @param actual the server under test
     */
    public FakeSmtpServerAssert(FakeSmtpServer actual) {
        super(actual, FakeSmtpServerAssert.class);
    }

    /** {@return the server's mailbox, for further assertions} */
    public MailboxAssert mailbox() {
        return navigate(() -> actual.mailbox(), MailboxAssert.class, Mailbox.class, MailboxAssert::new);
    }

    /**
     * No session the server remembers has a client protocol violation; the failure shows each transcript.
     *
     * @return this assertion object, for chaining
     */
    public FakeSmtpServerAssert hasNoViolations() {
        isNotNull();
        List<SmtpSession> offending = actual.sessions().stream().filter(session -> !session.violations().isEmpty())
                .collect(Collectors.toList());
        if (!offending.isEmpty()) {
            StringBuilder message = new StringBuilder("Expecting no protocol violations, but the client committed some in ")
                    .append(Summaries.count(offending.size(), "session")).append(':');
            for (SmtpSession session : offending) {
                message.append("\n\nSession ").append(session.id()).append(": ").append(session.violations())
                        .append('\n').append(Summaries.transcript(session));
            }
            failWithMessage("%s", message.toString());
        }
        return myself;
    }

    /**
     * The server remembers this many sessions (connections).
     *
     * @param count the expected number of sessions
     * @return this assertion object, for chaining
     */
    public FakeSmtpServerAssert hasSessionCount(int count) {
        isNotNull();
        int sessions = actual.sessions().size();
        if (sessions != count) {
            failWithMessage("%s", "Expecting " + Summaries.count(count, "session") + ", but the server has " + sessions + ".");
        }
        return myself;
    }

    /** {@return the only session, for further assertions; fails unless there is exactly one} */
    public SmtpSessionAssert singleSession() {
        return navigate(() -> {
            List<SmtpSession> sessions = actual.sessions();
            if (sessions.size() != 1) {
                failWithMessage("%s", "Expecting a single session, but the server has " + sessions.size() + ": "
                        + sessions.stream().map(SmtpSession::id).collect(Collectors.toList()));
            }
            return sessions.get(0);
        }, SmtpSessionAssert.class, SmtpSession.class, SmtpSessionAssert::new);
    }

    /** {@return the newest session, for further assertions; fails when there is none} */
    public SmtpSessionAssert lastSession() {
        return navigate(() -> {
            List<SmtpSession> sessions = actual.sessions();
            if (sessions.isEmpty()) {
                failWithMessage("%s", "Expecting a session, but no client has connected to " + actual + ".");
            }
            return sessions.get(sessions.size() - 1);
        }, SmtpSessionAssert.class, SmtpSession.class, SmtpSessionAssert::new);
    }
}
