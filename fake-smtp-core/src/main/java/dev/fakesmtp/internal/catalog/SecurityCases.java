package dev.fakesmtp.internal.catalog;

import static dev.fakesmtp.FailureCase.Reaction.GIVE_UP;
import static dev.fakesmtp.FailureCase.Reaction.RETRY;
import static dev.fakesmtp.FailureKind.AUTH;
import static dev.fakesmtp.FailureKind.TLS;
import static dev.fakesmtp.FailureStage.STARTTLS;

import dev.fakesmtp.FailureStage;
import dev.fakesmtp.Trigger;
import java.util.List;

/** The cases that hit STARTTLS (RFC 3207) and AUTH (RFC 4954); each needs a server that offers them. */
final class SecurityCases {

    private SecurityCases() {
    }

    static List<CaseSpec> all() {
        return List.of(
                CaseSpec.of("starttls-454-tls-unavailable", STARTTLS, TLS, RETRY)
                        .title("TLS not available")
                        .description("STARTTLS gets 454 4.7.0: TLS is not available for now, and a client that"
                                + " requires TLS must not send the mail in clear text")
                        .rfc("RFC 3207 §4 (454); RFC 3463 X.7.0")
                        .source("RFC 3207 §4")
                        .reply(454, "4.7.0", "TLS not available due to temporary reason")
                        .requires(Requirement.STARTTLS)
                        .repliesOn(Trigger.startTls()),
                CaseSpec.of("starttls-handshake-failure", STARTTLS, TLS, RETRY)
                        .title("handshake fails")
                        .description("The TLS handshake fails: after its 220 to STARTTLS (or at once on an"
                                + " implicit-TLS port) the server sends a TLS alert instead of its hello")
                        .rfc("RFC 3207 §4.1 (after a failed handshake the client decides); RFC 8446 §6.2")
                        .source("a broken TLS stack, an expired or mismatched certificate, a middlebox")
                        .requires(Requirement.TLS_HANDSHAKE)
                        .installs((server, settings, spec) -> List.of(spec.on(server,
                                settings.tls().implicitTlsOnly() ? Trigger.connect() : Trigger.startTls())
                                .failTlsHandshake())),
                CaseSpec.of("starttls-not-offered", STARTTLS, TLS, RETRY)
                        .title("STARTTLS not offered")
                        .description("The EHLO reply does not list STARTTLS, as when a middlebox strips it: a"
                                + " client that requires TLS must refuse to send in clear text")
                        .rfc("RFC 3207 §4.1, §6 (a man in the middle can remove STARTTLS)")
                        .source("STARTTLS stripping (firewalls that \"inspect\" SMTP, downgrade attacks)")
                        .requires(Requirement.STARTTLS)
                        .installs((server, settings, spec) -> List.of(spec.on(server, Trigger.ehlo())
                                .ehloWithout("STARTTLS"))),
                CaseSpec.of("auth-535-credentials-invalid", FailureStage.AUTH, AUTH, GIVE_UP)
                        .title("credentials rejected")
                        .description("AUTH gets 535 5.7.8: the user name or password is wrong")
                        .rfc("RFC 4954 §6 (535 5.7.8)")
                        .source("Gmail")
                        .reply(535, "5.7.8", "Username and Password not accepted.")
                        .requires(Requirement.AUTH)
                        .repliesOn(Trigger.auth()),
                CaseSpec.of("auth-454-temporary-failure", FailureStage.AUTH, AUTH, RETRY)
                        .title("temporary authentication failure")
                        .description("AUTH gets 454 4.7.0: the server cannot check credentials now (its"
                                + " directory is down); the same login can work later")
                        .rfc("RFC 4954 §6 (454 4.7.0)")
                        .source("RFC 4954 §6")
                        .reply(454, "4.7.0", "Temporary authentication failure")
                        .requires(Requirement.AUTH)
                        .repliesOn(Trigger.auth()),
                CaseSpec.of("auth-534-mechanism-too-weak", FailureStage.AUTH, AUTH, GIVE_UP)
                        .title("mechanism too weak")
                        .description("AUTH gets 534 5.7.9: the server wants another mechanism or an app"
                                + " password for this account")
                        .rfc("RFC 4954 §6 (534 5.7.9)")
                        .source("Gmail")
                        .reply(534, "5.7.9", "Application-specific password required.")
                        .requires(Requirement.AUTH)
                        .repliesOn(Trigger.auth()),
                CaseSpec.of("auth-538-encryption-required", FailureStage.AUTH, AUTH, GIVE_UP)
                        .title("encryption required")
                        .description("AUTH gets 538 5.7.11: the server wants TLS before this mechanism")
                        .rfc("RFC 4954 §6 (538 5.7.11)")
                        .source("RFC 4954 §6")
                        .reply(538, "5.7.11", "Encryption required for requested authentication mechanism")
                        .requires(Requirement.AUTH)
                        .repliesOn(Trigger.auth()));
    }
}
