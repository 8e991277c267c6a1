package dev.fakesmtp.internal.catalog;

import static dev.fakesmtp.FailureCase.Reaction.FALL_BACK;
import static dev.fakesmtp.FailureCase.Reaction.GIVE_UP;
import static dev.fakesmtp.FailureCase.Reaction.RETRY;
import static dev.fakesmtp.FailureKind.CONNECTION;
import static dev.fakesmtp.FailureKind.PERMANENT;
import static dev.fakesmtp.FailureKind.TIMEOUT;
import static dev.fakesmtp.FailureKind.TRANSIENT;
import static dev.fakesmtp.FailureStage.CONNECT;
import static dev.fakesmtp.FailureStage.EHLO;

import dev.fakesmtp.Trigger;
import java.util.List;

/** The cases that hit the connection before any mail is talked about: the greeting and EHLO. */
final class ConnectionCases {

    private ConnectionCases() {
    }

    static List<CaseSpec> all() {
        return List.of(
                CaseSpec.of("connect-421-service-unavailable", CONNECT, TRANSIENT, RETRY)
                        .title("service unavailable")
                        .description("The greeting is 421 4.3.2 instead of 220, and the server closes: it is"
                                + " overloaded or going down")
                        .rfc("RFC 5321 §3.1, §3.8 (421 closes the connection); RFC 3463 X.3.2")
                        .source("Postfix (postscreen, a server under load)")
                        .reply(421, "4.3.2", "Service currently unavailable")
                        .repliesOn(Trigger.connect()),
                CaseSpec.of("connect-554-blocked", CONNECT, PERMANENT, GIVE_UP)
                        .title("client blocked")
                        .description("The greeting is 554 5.7.1 instead of 220: the server refuses this client"
                                + " (here it then closes; RFC 5321 lets a real server wait for QUIT)")
                        .rfc("RFC 5321 §3.1 (554 instead of the greeting); RFC 3463 X.7.1")
                        .source("Postfix (postscreen, a client on a block list)")
                        .reply(554, "5.7.1", "Service unavailable; client blocked using zen.spamhaus.org")
                        .installs((server, settings, spec) -> List.of(spec.on(server, Trigger.connect())
                                .replyAndClose(spec.reply()))),
                CaseSpec.of("connect-late-greeting", CONNECT, TIMEOUT, RETRY)
                        .title("greeting too late")
                        .description("The 220 greeting comes two minutes late, so the client's read timeout"
                                + " ends the wait before it")
                        .rfc("RFC 5321 §4.5.3.2.1 (the client's wait for the greeting)")
                        .source("tarpitting servers (Postfix postscreen greet pause, sendmail greet_pause)")
                        .isLateOn(Trigger.connect()),
                CaseSpec.of("connect-reset", CONNECT, CONNECTION, RETRY)
                        .title("connection reset before the greeting")
                        .description("The server resets the connection (RST) before the greeting")
                        .rfc("RFC 5321 §3.8 (the connection can be lost at any time)")
                        .source("a crashed server, a firewall or a load balancer without back ends")
                        .resetsOn(Trigger.connect()),
                CaseSpec.of("ehlo-421-closing", EHLO, TRANSIENT, RETRY)
                        .title("try again later")
                        .description("EHLO gets 421 4.7.0 and the server closes: it will not talk to the client now")
                        .rfc("RFC 5321 §3.8, §4.2.2 (421); RFC 3463 X.7.0")
                        .source("Gmail")
                        .reply(421, "4.7.0", "Try again later, closing connection. (EHLO)")
                        .repliesOn(Trigger.ehlo()),
                CaseSpec.of("ehlo-502-helo-fallback", EHLO, PERMANENT, FALL_BACK)
                        .title("EHLO not recognized")
                        .description("EHLO gets 502 5.5.2: an old server without ESMTP; the client must fall"
                                + " back to HELO and send the mail without extensions")
                        .rfc("RFC 5321 §3.2 (fall back to HELO), §4.1.1.1; RFC 3463 X.5.2")
                        .source("Postfix (its reply to an unknown command)")
                        .reply(502, "5.5.2", "Error: command not recognized")
                        .requires(Requirement.PLAIN_HELO_WORKS)
                        .repliesOn(Trigger.command("EHLO")),
                CaseSpec.of("ehlo-late-reply", EHLO, TIMEOUT, RETRY)
                        .title("reply too late")
                        .description("The reply to EHLO comes two minutes late, so the client's read timeout"
                                + " ends the wait before it")
                        .rfc("RFC 5321 §4.5.3.2 (client timeouts)")
                        .source("an overloaded server, a slow DNS lookup of the client's name")
                        .isLateOn(Trigger.ehlo()),
                CaseSpec.of("ehlo-disconnect", EHLO, CONNECTION, RETRY)
                        .title("connection closed after the greeting")
                        .description("The server greets, then closes the connection (FIN) without answering EHLO")
                        .rfc("RFC 5321 §3.8 (the connection can be lost at any time)")
                        .source("a server that crashes or restarts, an idle-connection reaper")
                        .disconnectsOn(Trigger.ehlo()));
    }
}
