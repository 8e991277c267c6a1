package dev.fakesmtp.protocol;

import static dev.fakesmtp.protocol.DialogueSteps.ehloKeywords;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.Extension;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.SmtpDialogue;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An extension that needs another is hidden with it, so EHLO never advertises what cannot be
 * used: SMTPUTF8 needs 8BITMIME (RFC 6531 §3.1 item 8), BINARYMIME is a value of 8BITMIME's
 * BODY parameter (RFC 6152) sent with BDAT (RFC 3030 §3).
 */
@Timeout(60)
class ExtensionDependenciesTest {

    @Test
    void hiding8BitMimeHidesSmtpUtf8AndBinaryMimeButNotChunking() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().hide(Extension.EIGHT_BIT_MIME).build().start();
             SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            List<String> keywords = ehloKeywords(smtp.send("EHLO client.test").expect("250 "));
            assertThat(keywords).doesNotContain("8BITMIME", "SMTPUTF8", "BINARYMIME").contains("CHUNKING");
            smtp.send("MAIL FROM:<a@example.com> SMTPUTF8").expect("555 5.5.4 ");
            smtp.send("MAIL FROM:<a@example.com> BODY=BINARYMIME").expect("555 5.5.4 ");
            smtp.send("MAIL FROM:<j\u00f6rg@example.com>").expect("553 5.6.7 ");
            // CHUNKING does not need 8BITMIME: a 7-bit message goes by BDAT.
            smtp.send("MAIL FROM:<a@example.com>").expect("250 2.1.0 ");
            smtp.send("RCPT TO:<b@example.com>").expect("250 2.1.5 ");
            String message = "Subject: x\r\n\r\nhi\r\n";
            smtp.sendRaw("BDAT " + message.length() + " LAST\r\n" + message).expect("250 2.0.0 ");
        }
    }

    /**
     * For every way to hide none, one or two extensions: each advertised keyword's prerequisites
     * are advertised too, and what is advertised can be used. Hiding one reveals every "A needs
     * B"; hiding two, every "A needs B or C".
     */
    @Test
    void everyWayToHideUpToTwoExtensionsGivesAConsistentEhlo() {
        Extension[] all = Extension.values();
        SoftAssertions softly = new SoftAssertions();
        for (int mask = 0; mask < 1 << all.length; mask++) {
            if (Integer.bitCount(mask) > 2) {
                continue;
            }
            Set<Extension> hidden = EnumSet.noneOf(Extension.class);
            for (int i = 0; i < all.length; i++) {
                if ((mask & 1 << i) != 0) {
                    hidden.add(all[i]);
                }
            }
            try (FakeSmtpServer server = FakeSmtpServer.builder().hide(hidden.toArray(Extension[]::new)).build().start();
                 SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
                List<String> keywords = new ArrayList<>();
                ehloKeywords(smtp.send("EHLO client.test").expect("250 ")).forEach(k -> keywords.add(k.split(" ")[0]));
                String what = "hidden " + hidden + ", EHLO " + keywords;
                for (Extension extension : hidden) {
                    softly.assertThat(keywords).as(what).doesNotContain(extension.keyword());
                }
                if (keywords.contains("SMTPUTF8")) {
                    softly.assertThat(keywords).as(what).contains("8BITMIME");
                    softly.assertThat(smtp.send("MAIL FROM:<j\u00f6rg@example.com> SMTPUTF8").readReply())
                            .as(what).last().asString().startsWith("250 ");
                    smtp.send("RSET").expect("250 ");
                }
                if (keywords.contains("BINARYMIME")) {
                    softly.assertThat(keywords).as(what).contains("8BITMIME", "CHUNKING");
                    softly.assertThat(smtp.send("MAIL FROM:<a@example.com> BODY=BINARYMIME").readReply())
                            .as(what).last().asString().startsWith("250 ");
                    smtp.send("RSET").expect("250 ");
                }
                if (keywords.contains("8BITMIME")) {
                    softly.assertThat(smtp.send("MAIL FROM:<a@example.com> BODY=8BITMIME").readReply())
                            .as(what).last().asString().startsWith("250 ");
                    smtp.send("RSET").expect("250 ");
                }
            }
        }
        softly.assertAll();
    }
}
