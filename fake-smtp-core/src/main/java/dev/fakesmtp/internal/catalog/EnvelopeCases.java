package dev.fakesmtp.internal.catalog;

import static dev.fakesmtp.FailureCase.Reaction.GIVE_UP;
import static dev.fakesmtp.FailureCase.Reaction.RETRY;
import static dev.fakesmtp.FailureKind.CONNECTION;
import static dev.fakesmtp.FailureKind.PERMANENT;
import static dev.fakesmtp.FailureKind.TIMEOUT;
import static dev.fakesmtp.FailureKind.TRANSIENT;
import static dev.fakesmtp.FailureStage.MAIL;
import static dev.fakesmtp.FailureStage.RCPT;

import dev.fakesmtp.Trigger;
import java.util.List;

/** The cases that hit the envelope: MAIL FROM and RCPT TO. */
final class EnvelopeCases {

    private EnvelopeCases() {
    }

    static List<CaseSpec> all() {
        return List.of(
                CaseSpec.of("mail-421-closing", MAIL, TRANSIENT, RETRY)
                        .title("try again later")
                        .description("MAIL gets 421 4.7.0 and the server closes in the middle of the session")
                        .rfc("RFC 5321 §3.8, §4.2.2 (421); RFC 3463 X.7.0")
                        .source("Gmail")
                        .reply(421, "4.7.0", "Try again later, closing connection. (MAIL)")
                        .repliesOn(Trigger.mailFrom()),
                CaseSpec.of("mail-451-local-error", MAIL, TRANSIENT, RETRY)
                        .title("local error")
                        .description("MAIL gets 451 4.3.5: the server has a problem of its own")
                        .rfc("RFC 5321 §4.2.2, §4.2.3 (451); RFC 3463 X.3.5")
                        .source("Postfix")
                        .reply(451, "4.3.5", "Server configuration problem")
                        .repliesOn(Trigger.mailFrom()),
                CaseSpec.of("mail-452-insufficient-storage", MAIL, TRANSIENT, RETRY)
                        .title("insufficient storage")
                        .description("MAIL gets 452 4.3.1: the server's disk is full for now")
                        .rfc("RFC 5321 §4.2.2, §4.2.3 (452); RFC 3463 X.3.1")
                        .source("Postfix")
                        .reply(452, "4.3.1", "Insufficient system storage")
                        .repliesOn(Trigger.mailFrom()),
                CaseSpec.of("mail-550-sender-rejected", MAIL, PERMANENT, GIVE_UP)
                        .title("sender rejected")
                        .description("MAIL gets 550 5.7.1: the server does not accept mail from this sender")
                        .rfc("RFC 5321 §4.2.2, §4.2.3 (550); RFC 3463 X.7.1")
                        .source("Postfix (check_sender_access)")
                        .reply(550, "5.7.1", "Sender address rejected: Access denied")
                        .repliesOn(Trigger.mailFrom()),
                CaseSpec.of("mail-552-size-exceeded", MAIL, PERMANENT, GIVE_UP)
                        .title("message too big")
                        .description("MAIL gets 552 5.3.4: the message (its declared SIZE) is over the server's limit")
                        .rfc("RFC 1870 §6 (552); RFC 5321 §4.2.3; RFC 3463 X.3.4")
                        .source("Postfix")
                        .reply(552, "5.3.4", "Message size exceeds fixed limit")
                        .repliesOn(Trigger.mailFrom()),
                CaseSpec.of("mail-553-sender-invalid", MAIL, PERMANENT, GIVE_UP)
                        .title("sender address not allowed")
                        .description("MAIL gets 553 5.1.7: the sender address is not acceptable")
                        .rfc("RFC 5321 §4.2.3 (553); RFC 3463 X.1.7")
                        .source("RFC 5321 §4.2.3")
                        .reply(553, "5.1.7", "Requested action not taken: mailbox name not allowed")
                        .repliesOn(Trigger.mailFrom()),
                CaseSpec.of("mail-disconnect", MAIL, CONNECTION, RETRY)
                        .title("connection closed")
                        .description("The server closes the connection (FIN) instead of answering MAIL")
                        .rfc("RFC 5321 §3.8 (the connection can be lost at any time)")
                        .source("a server that crashes or restarts")
                        .disconnectsOn(Trigger.mailFrom()),
                CaseSpec.of("mail-late-reply", MAIL, TIMEOUT, RETRY)
                        .title("reply too late")
                        .description("The reply to MAIL comes two minutes late, so the client's read timeout"
                                + " ends the wait before it")
                        .rfc("RFC 5321 §4.5.3.2.2 (MAIL timeout)")
                        .source("an overloaded server, slow sender checks (SPF, DNS)")
                        .isLateOn(Trigger.mailFrom()),
                CaseSpec.of("rcpt-450-greylisted", RCPT, TRANSIENT, RETRY)
                        .title("greylisted")
                        .description("Each recipient gets 450 4.2.0 on the first attempt (greylisting); a retry"
                                + " some time later is accepted")
                        .rfc("RFC 5321 §4.2.2 (450); RFC 3463 X.2.0; RFC 6647 (greylisting)")
                        .source("Postfix with postgrey")
                        .reply(450, "4.2.0", "Recipient address rejected: Greylisted, see"
                                + " http://postgrey.schweikert.ch/help/example.com.html")
                        .installs((server, settings, spec) -> List.of(server.on(CatalogTriggers.firstAttemptOfEachPair())
                                .named(spec.id()).reply(spec.reply()))),
                CaseSpec.of("rcpt-451-greylisted", RCPT, TRANSIENT, RETRY)
                        .title("greylisted")
                        .description("Each recipient gets 451 4.7.1 on the first attempt (greylisting); a retry"
                                + " some time later is accepted")
                        .rfc("RFC 5321 §4.2.2 (451); RFC 3463 X.7.1; RFC 6647 (greylisting)")
                        .source("milter-greylist, Exim")
                        .reply(451, "4.7.1", "Greylisting in action, please come back later")
                        .installs((server, settings, spec) -> List.of(server.on(CatalogTriggers.firstAttemptOfEachPair())
                                .named(spec.id()).reply(spec.reply()))),
                CaseSpec.of("rcpt-452-too-many-recipients", RCPT, TRANSIENT, RETRY)
                        .title("too many recipients")
                        .description("The second recipient gets 452 4.5.3: the client delivers to the accepted"
                                + " one and sends to the rest in a later transaction (only clients that send to"
                                + " several recipients at once meet this)")
                        .rfc("RFC 5321 §4.5.3.1.10 (452 for too many recipients); RFC 3463 X.5.3")
                        .source("Postfix")
                        .reply(452, "4.5.3", "Error: too many recipients")
                        .repliesOn(CatalogTriggers.laterRecipient()),
                CaseSpec.of("rcpt-452-over-quota", RCPT, TRANSIENT, RETRY)
                        .title("mailbox over quota")
                        .description("RCPT gets 452 4.2.2: the recipient's mailbox is full for now")
                        .rfc("RFC 5321 §4.2.2 (452); RFC 3463 X.2.2")
                        .source("Gmail")
                        .reply(452, "4.2.2", "The email account that you tried to reach is over quota.")
                        .repliesOn(Trigger.rcptTo()),
                CaseSpec.of("rcpt-550-user-unknown", RCPT, PERMANENT, GIVE_UP)
                        .title("user unknown")
                        .description("RCPT gets 550 5.1.1: the mailbox does not exist (every recipient, a"
                                + " four-line reply)")
                        .rfc("RFC 5321 §4.2.2 (550), §4.2.1 (multi-line replies); RFC 3463 X.1.1")
                        .source("Gmail")
                        .reply(550, "5.1.1", "The email account that you tried to reach does not exist. Please try",
                                "double-checking the recipient's email address for typos or",
                                "unnecessary spaces. For more information, go to",
                                " https://support.google.com/mail/?p=NoSuchUser")
                        .repliesOn(Trigger.rcptTo()),
                CaseSpec.of("rcpt-550-one-of-several", RCPT, PERMANENT, GIVE_UP)
                        .title("one recipient unknown")
                        .description("The second recipient gets 550 5.1.1 (and always will): the others get"
                                + " the mail, that one is reported (only clients that send to several"
                                + " recipients at once meet this)")
                        .rfc("RFC 5321 §3.3 (recipients are accepted or refused one by one); RFC 3463 X.1.1")
                        .source("Postfix")
                        .reply(550, "5.1.1", "Recipient address rejected: User unknown in virtual mailbox table")
                        // A trigger per server it is applied to: it remembers the refused address,
                        // which must not carry over to the next test's server.
                        .installs((server, settings, spec) -> List.of(spec.on(server,
                                CatalogTriggers.oneLaterRecipientForGood()).reply(spec.reply()))),
                CaseSpec.of("rcpt-551-user-not-local", RCPT, PERMANENT, GIVE_UP)
                        .title("user not local")
                        .description("RCPT gets 551 5.1.6: the user has moved; the reply names the new address")
                        .rfc("RFC 5321 §3.4, §4.2.2 (551); RFC 3463 X.1.6")
                        .source("RFC 5321 §3.4")
                        .reply(551, "5.1.6", "User not local; please try <bob@new.example.org>")
                        .repliesOn(Trigger.rcptTo()),
                CaseSpec.of("rcpt-553-mailbox-name-invalid", RCPT, PERMANENT, GIVE_UP)
                        .title("mailbox name not allowed")
                        .description("RCPT gets 553 5.1.3: the recipient address is not acceptable")
                        .rfc("RFC 5321 §4.2.3 (553); RFC 3463 X.1.3")
                        .source("RFC 5321 §4.2.3")
                        .reply(553, "5.1.3", "Requested action not taken: mailbox name not allowed")
                        .repliesOn(Trigger.rcptTo()),
                CaseSpec.of("rcpt-reset", RCPT, CONNECTION, RETRY)
                        .title("connection reset")
                        .description("The server resets the connection (RST) instead of answering RCPT")
                        .rfc("RFC 5321 §3.8 (the connection can be lost at any time)")
                        .source("a crashed server, a firewall that drops the session")
                        .resetsOn(Trigger.rcptTo()),
                CaseSpec.of("rcpt-late-reply", RCPT, TIMEOUT, RETRY)
                        .title("reply too late")
                        .description("The reply to RCPT comes two minutes late, so the client's read timeout"
                                + " ends the wait before it")
                        .rfc("RFC 5321 §4.5.3.2.3 (RCPT timeout)")
                        .source("an overloaded server, slow recipient lookups (LDAP, callouts)")
                        .isLateOn(Trigger.rcptTo()));
    }
}
