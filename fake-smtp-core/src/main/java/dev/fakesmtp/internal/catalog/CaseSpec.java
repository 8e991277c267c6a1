package dev.fakesmtp.internal.catalog;

import dev.fakesmtp.FailureCase.Reaction;
import dev.fakesmtp.FailureKind;
import dev.fakesmtp.FailureStage;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Rule;
import dev.fakesmtp.RuleBuilder;
import dev.fakesmtp.SmtpReply;
import dev.fakesmtp.Trigger;
import dev.fakesmtp.internal.ServerSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The data behind one {@code FailureCase}: what it is, where it comes from, what it needs of the
 * server, and how it installs itself with ordinary rules.
 *
 * @param id the stable id
 * @param stage where it hits
 * @param kind what kind of failure it is
 * @param reaction what a well-behaved client does
 * @param title a few words for the display name, e.g. "user unknown"
 * @param description one sentence for people
 * @param rfc the RFC clauses
 * @param source whose wording the reply copies
 * @param reply the reply, or null for cases without one
 * @param requirement what the server must offer
 * @param installer adds the rules
 */
public record CaseSpec(String id, FailureStage stage, FailureKind kind, Reaction reaction, String title,
                       String description, String rfc, String source, SmtpReply reply, Requirement requirement,
                       Installer installer) {

    /** How long the catalogue's late replies wait: longer than a test's client timeout should be. */
    public static final Duration LATE = Duration.ofMinutes(2);

    /**
     * Checks that every part but the reply is there.
     *
     * @param id the stable id
     * @param stage where it hits
     * @param kind what kind of failure it is
     * @param reaction what a well-behaved client does
     * @param title a few words for the display name
     * @param description one sentence for people
     * @param rfc the RFC clauses
     * @param source whose wording the reply copies
     * @param reply the reply, or null for cases without one
     * @param requirement what the server must offer
     * @param installer adds the rules
     */
    public CaseSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reaction, "reaction");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(rfc, "rfc");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(installer, "installer");
    }

    /** Adds a case's rules to a server. */
    @FunctionalInterface
    public interface Installer {
        /**
         * Installs {@code spec} on {@code server}.
         *
         * @param server the server to fail
         * @param settings the server's configuration
         * @param spec the case
         * @return the rules added
         */
        List<Rule> install(FakeSmtpServer server, ServerSettings settings, CaseSpec spec);
    }

    /**
     * A rule builder for this case: named after it, and firing once for a temporary failure (it
     * passes, so a retry succeeds) or always for a permanent one.
     *
     * @param server the server to add the rule to
     * @param trigger when the rule fires
     * @return the builder; its effect method adds the rule
     */
    public RuleBuilder on(FakeSmtpServer server, Trigger trigger) {
        RuleBuilder rule = server.on(trigger).named(id);
        return reaction == Reaction.RETRY || reaction == Reaction.DO_NOT_RESEND ? rule.once() : rule;
    }

    /** Starts a case; the remaining parts are set on the builder. */
    static Builder of(String id, FailureStage stage, FailureKind kind, Reaction reaction) {
        return new Builder(id, stage, kind, reaction);
    }

    /** Builds a {@link CaseSpec}; the effect methods finish it. */
    static final class Builder {
        private final String id;
        private final FailureStage stage;
        private final FailureKind kind;
        private final Reaction reaction;
        private String title;
        private String description;
        private String rfc;
        private String source;
        private SmtpReply reply;
        private Requirement requirement = Requirement.NONE;

        private Builder(String id, FailureStage stage, FailureKind kind, Reaction reaction) {
            this.id = id;
            this.stage = stage;
            this.kind = kind;
            this.reaction = reaction;
        }

        Builder title(String title) {
            this.title = title;
            return this;
        }

        Builder description(String description) {
            this.description = description;
            return this;
        }

        Builder rfc(String rfc) {
            this.rfc = rfc;
            return this;
        }

        Builder source(String source) {
            this.source = source;
            return this;
        }

        Builder reply(int code, String enhancedCode, String... lines) {
            this.reply = SmtpReply.of(code, enhancedCode, lines);
            return this;
        }

        Builder requires(Requirement requirement) {
            this.requirement = requirement;
            return this;
        }

        /** The case replies with its reply when {@code trigger} fires. */
        CaseSpec repliesOn(Trigger trigger) {
            Objects.requireNonNull(reply, "reply");
            return installs((server, settings, spec) -> List.of(spec.on(server, trigger).reply(spec.reply())));
        }

        /** The case closes the connection without a reply when {@code trigger} fires. */
        CaseSpec disconnectsOn(Trigger trigger) {
            return installs((server, settings, spec) -> List.of(spec.on(server, trigger).disconnect()));
        }

        /** The case resets the connection when {@code trigger} fires. */
        CaseSpec resetsOn(Trigger trigger) {
            return installs((server, settings, spec) -> List.of(spec.on(server, trigger).resetConnection()));
        }

        /** The case answers normally, but {@link #LATE}, when {@code trigger} fires. */
        CaseSpec isLateOn(Trigger trigger) {
            return installs((server, settings, spec) -> List.of(spec.on(server, trigger).delay(LATE)));
        }

        CaseSpec installs(Installer installer) {
            return new CaseSpec(id, stage, kind, reaction, title, description, rfc, source, reply, requirement,
                    installer);
        }
    }
}
