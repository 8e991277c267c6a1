package dev.fakesmtp;

import dev.fakesmtp.internal.catalog.CaseSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One way delivering a mail can fail, from {@link FailureCatalog}: named by a stable
 * {@link #id()}, explained, classified by {@link #kind()} and {@link #stage()}, with the reply a
 * real server sends and the RFC clause it comes from. {@link #applyTo(FakeSmtpServer)} installs
 * it on a server as ordinary failure rules (named after the case, so they show in
 * {@link FakeSmtpServer#rules()} and in transcripts, and {@link FakeSmtpServer#reset()} removes them).
 * Immutable; equal when the ids are.
 *
 * <p>Temporary failures ({@link Reaction#RETRY}, {@link Reaction#DO_NOT_RESEND}) hit the first
 * attempt only, as real ones pass; permanent ones ({@link Reaction#GIVE_UP},
 * {@link Reaction#FALL_BACK}) hit every attempt. So the mailbox shows what the client did: a
 * retry that delivers, a retry of a refusal that fails again, a duplicate.
 *
 * <pre>{@code
 * FailureCase unknownUser = FailureCatalog.byId("rcpt-550-user-unknown");
 * List<Rule> rules = unknownUser.applyTo(smtp);
 * assertThatThrownBy(() -> mailer.send("bob@example.com")).hasMessageContaining("550");
 * assertThat(rules.get(0).timesFired()).isOne();
 * }</pre>
 */
public final class FailureCase {

    /** What a well-behaved client does about a failure case, and so what it ends up with. */
    public enum Reaction {
        /**
         * The failure is temporary (it hits the first attempt only): the client keeps the mail (or
         * the refused recipients) and tries again later, and the retry delivers it, exactly once.
         */
        RETRY,
        /**
         * The failure is permanent (it hits every attempt): the client reports the mail (or the
         * refused recipients) as undeliverable and does not retry.
         */
        GIVE_UP,
        /**
         * The server had taken the message when the failure hit (the connection dropped or the
         * reply came too late after the final dot): the mail is delivered although the client
         * saw a failure, and sending it again delivers it twice (RFC 1047). A client cannot tell
         * this from a server that lost the message: an MTA sends again and accepts the duplicate,
         * an application that must not mail twice (a notifier, a password reset) does not.
         */
        DO_NOT_RESEND,
        /**
         * The client works around the failure in the same session (EHLO refused: HELO, RFC 5321
         * §3.2), and the mail is delivered.
         */
        FALL_BACK
    }

    private final CaseSpec spec;

    FailureCase(CaseSpec spec) {
        this.spec = spec;
    }

    /**
     * The stable name of the case, e.g. {@code "rcpt-550-user-unknown"}.
     *
     * @return the id; it never changes between releases
     */
    public String id() {
        return spec.id();
    }

    /**
     * What happens, for people, e.g. "RCPT gets 550 5.1.1: the mailbox does not exist".
     *
     * @return one sentence
     */
    public String description() {
        return spec.description();
    }

    /**
     * What kind of failure this is.
     *
     * @return the kind, which says what the client sees
     */
    public FailureKind kind() {
        return spec.kind();
    }

    /**
     * Where the failure hits.
     *
     * @return the command or the connection stage
     */
    public FailureStage stage() {
        return spec.stage();
    }

    /**
     * What a well-behaved client does about it.
     *
     * @return retry, give up, do not resend, or fall back
     */
    public Reaction reaction() {
        return spec.reaction();
    }

    /**
     * The RFC clauses the case comes from, e.g. {@code "RFC 5321 §4.2.2 (550); RFC 3463 X.1.1"}.
     *
     * @return the references
     */
    public String rfc() {
        return spec.rfc();
    }

    /**
     * Whose wording the reply copies, e.g. {@code "Gmail"}, {@code "Postfix"} or an RFC, or what
     * real trouble a case without a reply stands for.
     *
     * @return the source
     */
    public String source() {
        return spec.source();
    }

    /**
     * The reply the server sends instead of the normal one.
     *
     * @return the reply; empty for cases without one (dropped connections, late normal replies,
     *         TLS handshake failures, a stripped STARTTLS)
     */
    public Optional<SmtpReply> reply() {
        return Optional.ofNullable(spec.reply());
    }

    /**
     * The name test reports show, e.g. {@code "RCPT 550 5.1.1 user unknown [PERMANENT]"}.
     *
     * @return stage, reply code, enhanced code, a short title and the kind
     */
    public String displayName() {
        SmtpReply reply = spec.reply();
        String code = reply == null ? "" : " " + reply.code()
                + (reply.enhancedCode().isEmpty() ? "" : " " + reply.enhancedCode());
        return spec.stage().label() + code + " " + spec.title() + " [" + spec.kind() + "]";
    }

    /**
     * Why this case cannot happen on {@code server}, e.g. a STARTTLS case on a server that does
     * not offer STARTTLS.
     *
     * @param server the server, started or not
     * @return the reason, or empty when the case can be applied
     */
    public Optional<String> unavailableOn(FakeSmtpServer server) {
        return spec.requirement().unmetBy(Objects.requireNonNull(server, "server").settings());
    }

    /**
     * Installs the case on {@code server} as ordinary failure rules named after {@link #id()}.
     *
     * @param server the server to fail
     * @return the rules added, in order; their {@link Rule#timesFired()} says whether the failure happened
     * @throws IllegalStateException if the case cannot happen on this server ({@link #unavailableOn})
     */
    public List<Rule> applyTo(FakeSmtpServer server) {
        Optional<String> unavailable = unavailableOn(server);
        if (unavailable.isPresent()) {
            throw new IllegalStateException("Failure case " + id() + " cannot be applied to " + server + ": "
                    + unavailable.get());
        }
        return List.copyOf(spec.installer().install(server, server.settings(), spec));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FailureCase that && that.id().equals(id());
    }

    @Override
    public int hashCode() {
        return id().hashCode();
    }

    /**
     * The display name.
     *
     * @return {@link #displayName()}
     */
    @Override
    public String toString() {
        return displayName();
    }
}
