package dev.fakesmtp.protocol;

import static dev.fakesmtp.protocol.DialogueSteps.assertReply;
import static dev.fakesmtp.protocol.DialogueSteps.startServer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.SmtpDialogue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** VRFY and EXPN (RFC 5321 §3.5, §4.1.1.6, §4.1.1.7) and HELP (§4.1.1.8). */
@Timeout(10)
class VrfyExpnHelpTest {

    private static FakeSmtpServer serverWithDirectory() {
        return FakeSmtpServer.builder()
                .user("bob@example.com", "Bob Smith")
                .user("alice@example.com", "Alice Smith")
                .user("carol@example.org", "Carol Jones")
                .mailingList("team", List.of("bob@example.com", "dave@example.com"))
                .build()
                .start();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bob@example.com", "BOB@example.com", "<bob@example.com>", "bob", "Bob Sm", "bob smith"})
    void vrfyOfAKnownUserIs250WithNameAndMailbox(String query) {
        try (FakeSmtpServer server = serverWithDirectory(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            // RFC 5321 §3.5.1: the reply gives the mailbox, preferably as "Full Name <mailbox>".
            assertThat(smtp.send("VRFY " + query).readReply()).containsExactly("250 2.1.5 Bob Smith <bob@example.com>");
        }
    }

    @Test
    void vrfyByAPartOfTheNameFindsTheOneUser() {
        try (FakeSmtpServer server = serverWithDirectory(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            assertThat(smtp.send("VRFY Jones").readReply()).containsExactly("250 2.1.5 Carol Jones <carol@example.org>");
        }
    }

    /** An exact match of the address or of the local part wins over a part of another user's name. */
    @ParameterizedTest
    @ValueSource(strings = {"bob", "BOB", "bob@example.com", "<bob@example.com>"})
    void anExactMatchIsNotAmbiguous(String query) {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                .user("bob@example.com", "Bob Smith")
                .user("jim@example.com", "Jim Bobson")
                .user("bob@example.org", "")
                .build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            List<String> reply = smtp.send("VRFY " + query).readReply();
            if (query.contains("@")) {
                assertThat(reply).containsExactly("250 2.1.5 Bob Smith <bob@example.com>");
            } else {
                // Two users have the local part "bob": that is ambiguous, but Jim Bobson is not a candidate.
                assertReply(reply, 553, "5.1.4");
                assertThat(reply).containsExactly("553-5.1.4 User ambiguous; possibilities are",
                        "553-5.1.4 <bob@example.org>", "553 5.1.4 Bob Smith <bob@example.com>");
            }
            smtp.send("VRFY Bobs").expect("250 2.1.5 Jim Bobson <jim@example.com>");
        }
    }

    @Test
    void anExactLocalPartBeatsAPartOfAName() {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                .user("bob@example.com", "Bob Smith")
                .user("jim@example.com", "Jim Bobson")
                .build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            assertThat(smtp.send("VRFY bob").readReply()).containsExactly("250 2.1.5 Bob Smith <bob@example.com>");
            assertThat(smtp.send("VRFY Bo").readReply()).hasSize(3).last().asString().startsWith("553 5.1.4 ");
        }
    }

    @Test
    void vrfyOfAnAmbiguousNameIs553ListingThePossibilities() {
        try (FakeSmtpServer server = serverWithDirectory(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            List<String> reply = smtp.send("VRFY Smith").readReply();
            assertThat(reply).hasSizeGreaterThanOrEqualTo(3);
            assertReply(reply, 553, "5.1.4");
            assertThat(String.join("\n", reply))
                    .contains("Alice Smith <alice@example.com>", "Bob Smith <bob@example.com>")
                    .doesNotContain("carol");
        }
    }

    @Test
    void vrfyOfAnUnknownUserIs550WhenUsersAreConfigured() {
        try (FakeSmtpServer server = serverWithDirectory(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("VRFY nobody@example.com").expect("550 5.1.1 ");
            smtp.send("VRFY zed").expect("550 5.1.1 ");
        }
    }

    @Test
    void vrfyOfAMailingListIs550() {
        try (FakeSmtpServer server = serverWithDirectory(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("VRFY team").expect("550 5.1.1 ");
        }
        try (FakeSmtpServer server = FakeSmtpServer.builder().mailingList("team", List.of("a@example.com")).build().start();
             SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("VRFY team").expect("550 5.1.1 ");
            smtp.send("VRFY someone@example.com").expect("252 2.5.0 "); // no users: cannot tell
        }
    }

    @Test
    void vrfyWithoutUsersConfiguredIs252() {
        // RFC 5321 §3.5.3: 252 means "cannot verify, but will accept and attempt delivery". Its
        // enhanced code is 2.5.0 (RFC 3463 "other or undefined protocol status"), not 2.1.5,
        // which says "destination address valid": exactly what 252 does not claim.
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("VRFY anyone@example.com").expect("252 2.5.0 ");
            smtp.send("VRFY anyone").expect("252 2.5.0 ");
        }
    }

    @Test
    void expnOfAListIs250WithOneMemberPerLine() {
        try (FakeSmtpServer server = serverWithDirectory(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            // RFC 5321 §3.5.2: one mailbox per line; a known user shows with their name.
            assertThat(smtp.send("EXPN team").readReply())
                    .containsExactly("250-2.1.5 Bob Smith <bob@example.com>", "250 2.1.5 <dave@example.com>");
            assertThat(smtp.send("EXPN TEAM").readReply()).hasSize(2).last().asString().startsWith("250 2.1.5 ");
            assertThat(smtp.send("EXPN <team>").readReply()).hasSize(2).last().asString().startsWith("250 2.1.5 ");
        }
    }

    @Test
    void expnOfAUserOrAnUnknownListIs550() {
        try (FakeSmtpServer server = serverWithDirectory(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("EXPN bob@example.com").expect("550 5.1.1 ");
            smtp.send("EXPN nosuchlist").expect("550 5.1.1 ");
        }
    }

    @Test
    void expnWithoutListsConfiguredIs252() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("EXPN anything").expect("252 2.5.0 ");
        }
    }

    @Test
    void vrfyOrExpnWithoutArgumentIs501() {
        try (FakeSmtpServer server = serverWithDirectory(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("VRFY").expect("501 5.5.4 ");
            smtp.send("EXPN").expect("501 5.5.4 ");
            smtp.send("VRFY ").expect("501 5.5.4 ");
        }
    }

    @Test
    void vrfyAndExpnWorkBeforeEhlo() {
        // RFC 5321 §4.1.4: VRFY and EXPN may be used without initializing a session.
        try (FakeSmtpServer server = serverWithDirectory(); SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            smtp.send("VRFY bob").expect("250 2.1.5 ");
            assertThat(smtp.send("EXPN team").readReply()).hasSize(2);
        }
    }

    @Test
    void helpIsAMultiLine214ListingTheCommands() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            List<String> reply = smtp.send("HELP").readReply();
            assertThat(reply).hasSizeGreaterThan(1);
            assertReply(reply, 214, "2.0.0");
            assertThat(String.join("\n", reply)).contains(
                    "HELO", "EHLO", "MAIL", "RCPT", "DATA", "BDAT", "RSET", "VRFY", "EXPN", "HELP", "NOOP", "QUIT");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"MAIL", "mail", "RCPT", "DATA", "BDAT", "VRFY", "QUIT"})
    void helpForACommandIs214WithItsSyntax(String command) {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            List<String> reply = smtp.send("HELP " + command).readReply();
            assertReply(reply, 214, "2.0.0");
            assertThat(String.join("\n", reply)).contains(command.toUpperCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void helpForAnUnknownCommandIs504() {
        try (FakeSmtpServer server = startServer(); SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("HELP BOGUS").expect("504 5.5.1 ");
            smtp.send("NOOP").expect("250 2.0.0 ");
        }
    }
}
