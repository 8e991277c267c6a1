package dev.fakesmtp.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.Extension;
import dev.fakesmtp.FailureCase;
import dev.fakesmtp.FailureCatalog;
import dev.fakesmtp.FailureKind;
import dev.fakesmtp.FailureStage;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Rule;
import dev.fakesmtp.SmtpReply;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalogue as data: complete, stable, selectable, and honest about what each case needs. */
class FailureCatalogTest {

    /** Ids are API: users select and exclude cases by them. New ids may come, these may not go. */
    private static final List<String> STABLE_IDS = List.of(
            "connect-421-service-unavailable", "connect-554-blocked", "connect-late-greeting", "connect-reset",
            "ehlo-421-closing", "ehlo-502-helo-fallback", "ehlo-late-reply", "ehlo-disconnect",
            "starttls-454-tls-unavailable", "starttls-handshake-failure", "starttls-not-offered",
            "auth-535-credentials-invalid", "auth-454-temporary-failure", "auth-534-mechanism-too-weak",
            "auth-538-encryption-required",
            "mail-421-closing", "mail-451-local-error", "mail-452-insufficient-storage", "mail-550-sender-rejected",
            "mail-552-size-exceeded", "mail-553-sender-invalid", "mail-disconnect", "mail-late-reply",
            "rcpt-450-greylisted", "rcpt-451-greylisted", "rcpt-452-too-many-recipients", "rcpt-452-over-quota",
            "rcpt-550-user-unknown", "rcpt-550-one-of-several", "rcpt-551-user-not-local",
            "rcpt-553-mailbox-name-invalid", "rcpt-reset", "rcpt-late-reply",
            "data-451-before-354", "data-554-no-valid-recipients", "data-disconnect", "data-late-354",
            "dot-451-temporarily-rejected", "dot-452-insufficient-storage", "dot-552-size-exceeded",
            "dot-554-content-rejected", "dot-reset-after-capture", "dot-disconnect-after-capture",
            "dot-late-reply-after-capture", "bdat-451-chunk-refused", "bdat-552-size-exceeded");

    @Test
    void coversEveryStageAndKindWithStableUniqueIds() {
        List<FailureCase> all = FailureCatalog.all();

        assertThat(all).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates();
        assertThat(all).extracting(FailureCase::id).containsAll(STABLE_IDS).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[a-z0-9]+(-[a-z0-9]+)*"));
        assertThat(all).extracting(FailureCase::stage).containsOnly(FailureStage.values())
                .isSortedAccordingTo(Enum::compareTo);
        assertThat(all).extracting(FailureCase::kind).containsOnly(FailureKind.values());
        assertThat(all).allSatisfy(failure -> {
            assertThat(failure.description()).as(failure.id()).isNotBlank();
            assertThat(failure.rfc()).as(failure.id()).contains("RFC ");
            assertThat(failure.source()).as(failure.id()).isNotBlank();
        });
    }

    @Test
    void replyCodesMatchTheKind() {
        for (FailureCase failure : FailureCatalog.all()) {
            switch (failure.kind()) {
                case TRANSIENT -> assertThat(failure.reply()).as(failure.id()).get()
                        .satisfies(reply -> assertThat(reply.code() / 100).isEqualTo(4));
                case PERMANENT -> assertThat(failure.reply()).as(failure.id()).get()
                        .satisfies(reply -> assertThat(reply.code() / 100).isEqualTo(5));
                case CONNECTION, TIMEOUT -> assertThat(failure.reply()).as(failure.id()).isEmpty();
                case AUTH -> assertThat(failure.reply()).as(failure.id()).get().satisfies(reply ->
                        assertThat(reply.code() / 100 == 4).isEqualTo(failure.reaction() == FailureCase.Reaction.RETRY));
                default -> { }
            }
            // RFC 3463: the enhanced code's class is the reply's.
            failure.reply().map(SmtpReply::enhancedCode).ifPresent(enhanced -> assertThat(enhanced)
                    .as(failure.id()).startsWith(failure.reply().get().code() / 100 + "."));
        }
    }

    @Test
    void selectsByKindStageAndId() {
        assertThat(FailureCatalog.of(FailureKind.TIMEOUT)).isNotEmpty()
                .allMatch(failure -> failure.kind() == FailureKind.TIMEOUT);
        assertThat(FailureCatalog.of(FailureKind.TLS, FailureKind.AUTH)).hasSize(7);
        assertThat(FailureCatalog.at(FailureStage.RCPT)).extracting(FailureCase::id)
                .contains("rcpt-550-user-unknown").allMatch(id -> id.startsWith("rcpt-"));
        assertThat(FailureCatalog.byId("rcpt-550-user-unknown").displayName())
                .isEqualTo("RCPT 550 5.1.1 user unknown [PERMANENT]");
        assertThat(FailureCatalog.byId("dot-disconnect-after-capture"))
                .hasToString("end of DATA connection closed, message kept [CONNECTION]")
                .isEqualTo(FailureCatalog.byId("dot-disconnect-after-capture"));
        assertThatThrownBy(() -> FailureCatalog.byId("rcpt-550"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No failure case has the id 'rcpt-550'")
                .hasMessageContaining("rcpt-550-user-unknown");
        assertThatThrownBy(FailureCatalog::of).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCaseIsOrdinaryNamedRulesThatResetRemoves() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build()) {
            List<Rule> rules = FailureCatalog.byId("rcpt-550-user-unknown").applyTo(server);

            assertThat(server.rules()).containsExactlyElementsOf(rules).singleElement()
                    .satisfies(rule -> assertThat(rule.description()).startsWith("rule #1 (rcpt-550-user-unknown): on RCPT,"));
            server.reset();
            assertThat(server.rules()).isEmpty();
        }
    }

    @Test
    void temporaryCasesFireOncePermanentOnesAlways() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build()) {
            assertThat(FailureCatalog.byId("mail-451-local-error").applyTo(server)).singleElement()
                    .satisfies(rule -> assertThat(rule.description()).contains(", once, "));
            assertThat(FailureCatalog.byId("mail-550-sender-rejected").applyTo(server)).singleElement()
                    .satisfies(rule -> assertThat(rule.description()).contains(", always, "));
        }
    }

    @Test
    void casesSayWhyAServerCannotHaveThem() {
        try (FakeSmtpServer plain = FakeSmtpServer.builder().hide(Extension.AUTH, Extension.CHUNKING).build();
             FakeSmtpServer implicit = FakeSmtpServer.builder().implicitTls().build();
             FakeSmtpServer required = FakeSmtpServer.builder().requireTls().build();
             FakeSmtpServer authRequired = FakeSmtpServer.builder().requireAuth().build()) {
            assertThat(FailureCatalog.byId("starttls-454-tls-unavailable").unavailableOn(plain))
                    .hasValue("the server does not offer STARTTLS (build it with startTls() or requireTls())");
            assertThat(FailureCatalog.byId("starttls-454-tls-unavailable").unavailableOn(implicit))
                    .hasValue("the server speaks implicit TLS, so there is no STARTTLS to fail");
            assertThat(FailureCatalog.byId("starttls-handshake-failure").unavailableOn(implicit)).isEmpty();
            assertThat(FailureCatalog.byId("auth-535-credentials-invalid").unavailableOn(plain))
                    .hasValue("the server does not offer AUTH");
            assertThat(FailureCatalog.byId("bdat-451-chunk-refused").unavailableOn(plain)).isPresent();
            assertThat(FailureCatalog.byId("ehlo-502-helo-fallback").unavailableOn(required))
                    .hasValue("the server offers STARTTLS, which a server that does not know EHLO cannot, and a client"
                            + " that fell back to HELO cannot use");
            assertThat(FailureCatalog.byId("ehlo-502-helo-fallback").unavailableOn(authRequired))
                    .hasValue("the server requires AUTH, which a server that does not know EHLO cannot, and a client"
                            + " that fell back to HELO cannot use");
            assertThat(FailureCatalog.byId("mail-451-local-error").unavailableOn(plain)).isEmpty();

            assertThatThrownBy(() -> FailureCatalog.byId("starttls-not-offered").applyTo(plain))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("starttls-not-offered cannot be applied")
                    .hasMessageContaining("does not offer STARTTLS");
            assertThat(plain.rules()).isEmpty();
        }
    }
}
