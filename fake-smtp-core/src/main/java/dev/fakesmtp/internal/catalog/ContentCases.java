package dev.fakesmtp.internal.catalog;

import static dev.fakesmtp.FailureCase.Reaction.DO_NOT_RESEND;
import static dev.fakesmtp.FailureCase.Reaction.GIVE_UP;
import static dev.fakesmtp.FailureCase.Reaction.RETRY;
import static dev.fakesmtp.FailureKind.CONNECTION;
import static dev.fakesmtp.FailureKind.PERMANENT;
import static dev.fakesmtp.FailureKind.TIMEOUT;
import static dev.fakesmtp.FailureKind.TRANSIENT;
import static dev.fakesmtp.FailureStage.BDAT;
import static dev.fakesmtp.FailureStage.DATA;
import static dev.fakesmtp.FailureStage.END_OF_DATA;

import dev.fakesmtp.Trigger;
import java.util.List;

/** The cases that hit the message: the DATA command, the end of the message, BDAT chunks. */
final class ContentCases {

    private ContentCases() {
    }

    static List<CaseSpec> all() {
        return List.of(
                CaseSpec.of("data-451-before-354", DATA, TRANSIENT, RETRY)
                        .title("local error")
                        .description("DATA gets 451 4.3.0 instead of 354: the server cannot take a message now")
                        .rfc("RFC 5321 §4.1.1.4, §4.3.2 (DATA replies); RFC 3463 X.3.0")
                        .source("Postfix")
                        .reply(451, "4.3.0", "Error: queue file write error")
                        .repliesOn(Trigger.data()),
                CaseSpec.of("data-554-no-valid-recipients", DATA, PERMANENT, GIVE_UP)
                        .title("no valid recipients")
                        .description("DATA gets 554 5.5.1: the server has no valid recipient for this message")
                        .rfc("RFC 5321 §3.3 (554 no valid recipients); RFC 3463 X.5.1")
                        .source("Postfix")
                        .reply(554, "5.5.1", "Error: no valid recipients")
                        .repliesOn(Trigger.data()),
                CaseSpec.of("data-disconnect", DATA, CONNECTION, RETRY)
                        .title("connection closed")
                        .description("The server closes the connection (FIN) instead of answering DATA")
                        .rfc("RFC 5321 §3.8 (the connection can be lost at any time)")
                        .source("a server that crashes or restarts")
                        .disconnectsOn(Trigger.data()),
                CaseSpec.of("data-late-354", DATA, TIMEOUT, RETRY)
                        .title("354 too late")
                        .description("The 354 to DATA comes two minutes late, so the client's read timeout ends"
                                + " the wait before it")
                        .rfc("RFC 5321 §4.5.3.2.4 (DATA initiation timeout)")
                        .source("an overloaded server")
                        .isLateOn(Trigger.data()),
                CaseSpec.of("dot-451-temporarily-rejected", END_OF_DATA, TRANSIENT, RETRY)
                        .title("temporarily rejected")
                        .description("The final dot gets 451 4.3.0: the server did not take the message this"
                                + " time (its content filter failed)")
                        .rfc("RFC 5321 §4.1.1.4 (the reply to the end of data); RFC 3463 X.3.0")
                        .source("Gmail")
                        .reply(451, "4.3.0", "Mail server temporarily rejected message.")
                        .repliesOn(Trigger.endOfData()),
                CaseSpec.of("dot-452-insufficient-storage", END_OF_DATA, TRANSIENT, RETRY)
                        .title("insufficient storage")
                        .description("The final dot gets 452 4.3.1: the server had no room to store the message")
                        .rfc("RFC 5321 §4.2.2, §4.2.3 (452); RFC 3463 X.3.1")
                        .source("Postfix")
                        .reply(452, "4.3.1", "Insufficient system storage")
                        .repliesOn(Trigger.endOfData()),
                CaseSpec.of("dot-552-size-exceeded", END_OF_DATA, PERMANENT, GIVE_UP)
                        .title("message too big")
                        .description("The final dot gets 552 5.3.4: the message is over the server's size limit")
                        .rfc("RFC 5321 §4.2.3, §4.5.3.1.10 (552); RFC 1870 §6; RFC 3463 X.3.4")
                        .source("Gmail")
                        .reply(552, "5.3.4", "Your message exceeded Google's message size limits.")
                        .repliesOn(Trigger.endOfData()),
                CaseSpec.of("dot-554-content-rejected", END_OF_DATA, PERMANENT, GIVE_UP)
                        .title("content rejected")
                        .description("The final dot gets 554 5.7.1: the server refuses the content (spam,"
                                + " a virus, a policy)")
                        .rfc("RFC 5321 §4.2.3 (554 transaction failed); RFC 3463 X.7.1")
                        .source("Postfix (header_checks and body_checks REJECT)")
                        .reply(554, "5.7.1", "Message content rejected")
                        .repliesOn(Trigger.endOfData()),
                CaseSpec.of("dot-reset-after-capture", END_OF_DATA, CONNECTION, DO_NOT_RESEND)
                        .title("connection reset, message kept")
                        .description("After the final dot the server takes the message, then resets the"
                                + " connection (RST) before its 250: the mail arrived, the client cannot tell")
                        .rfc("RFC 5321 §4.1.1.4, §6.1; RFC 1047 (duplicate messages)")
                        .source("a crash or a firewall between storing the message and replying")
                        .installs((server, settings, spec) -> List.of(spec.on(server, Trigger.endOfData())
                                .afterCapture().resetConnection())),
                CaseSpec.of("dot-disconnect-after-capture", END_OF_DATA, CONNECTION, DO_NOT_RESEND)
                        .title("connection closed, message kept")
                        .description("After the final dot the server takes the message, then closes the"
                                + " connection (FIN) before its 250: the mail arrived, the client cannot tell")
                        .rfc("RFC 5321 §4.1.1.4, §6.1; RFC 1047 (duplicate messages)")
                        .source("a server or network that fails between storing the message and replying")
                        .installs((server, settings, spec) -> List.of(spec.on(server, Trigger.endOfData())
                                .afterCapture().disconnect())),
                CaseSpec.of("dot-late-reply-after-capture", END_OF_DATA, TIMEOUT, DO_NOT_RESEND)
                        .title("250 too late, message kept")
                        .description("After the final dot the server takes the message, but its 250 comes two"
                                + " minutes late, after the client's read timeout: the mail arrived, the client"
                                + " cannot tell")
                        .rfc("RFC 5321 §4.5.3.2.6 (end of data timeout); RFC 1047 (duplicate messages)")
                        .source("slow content filters and virus scanners")
                        .installs((server, settings, spec) -> List.of(spec.on(server, Trigger.endOfData())
                                .afterCapture().delay(CaseSpec.LATE))),
                CaseSpec.of("bdat-451-chunk-refused", BDAT, TRANSIENT, RETRY)
                        .title("chunk refused")
                        .description("A BDAT chunk gets 451 4.3.0 and the transaction is aborted (only clients"
                                + " that use CHUNKING meet this)")
                        .rfc("RFC 3030 §2 (BDAT replies); RFC 3463 X.3.0")
                        .source("Postfix")
                        .reply(451, "4.3.0", "Error: queue file write error")
                        .requires(Requirement.CHUNKING)
                        .repliesOn(Trigger.bdat()),
                CaseSpec.of("bdat-552-size-exceeded", BDAT, PERMANENT, GIVE_UP)
                        .title("message too big")
                        .description("A BDAT chunk gets 552 5.3.4: the message is over the server's size limit"
                                + " (only clients that use CHUNKING meet this)")
                        .rfc("RFC 3030 §2, §4; RFC 3463 X.3.4")
                        .source("Postfix")
                        .reply(552, "5.3.4", "Message size exceeds fixed limit")
                        .requires(Requirement.CHUNKING)
                        .repliesOn(Trigger.bdat()));
    }
}
