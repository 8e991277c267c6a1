package dev.fakesmtp.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.TlsInfo;
import dev.fakesmtp.support.AngusMail;
import dev.fakesmtp.support.SmtpDialogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How the viewer shows TLS, AUTH and the state of each session, on the mailbox, message and sessions pages. */
@Timeout(30)
class WebUiSessionsPageTest {

    @Test
    void tlsAndAuthShowAsBadgesInTheListAndInFullOnTheMessageAndSessionPages() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().startTls().credentials("alice", "s3cret").webUi()
                .build().start()) {
            try (SmtpDialogue dialogue = SmtpDialogue.afterEhlo(smtp)) {
                dialogue.send("STARTTLS").expect("220");
                dialogue.startTls(smtp.clientTls().sslContext());
                dialogue.send("EHLO secure.test").expect("250 ");
                dialogue.send(SmtpDialogue.authPlain("alice", "s3cret")).expect("235");
                dialogue.envelope("alice@example.com", "bob@example.com").data("Secure").expect("250");
                dialogue.send("QUIT").expect("221");
            }
            TlsInfo tls = smtp.mailbox().awaitMessages(1, AngusMail.WAIT).get(0).envelope().tls().orElseThrow();
            smtp.sessions().get(0).awaitEnd(AngusMail.WAIT);

            String mailbox = WebClient.get(smtp, "/").body();
            String message = WebClient.get(smtp, "/messages/s1-1").body();
            String sessions = WebClient.get(smtp, "/sessions").body();

            assertThat(mailbox).contains("<td><span class=\"badge\">" + tls.protocol()
                    + "</span><span class=\"badge\">AUTH alice</span></td></tr>");
            assertThat(message).contains("<tr><th>TLS</th><td>STARTTLS " + tls.protocol() + " " + tls.cipherSuite()
                    + "</td><th>AUTH</th><td>alice via PLAIN</td></tr>", "HELO secure.test");
            assertThat(sessions).contains("<tr><th>HELO</th><td>secure.test</td></tr>",
                    "<tr><th>TLS</th><td>STARTTLS " + tls.protocol() + " " + tls.cipherSuite() + "</td></tr>",
                    "<tr><th>AUTH</th><td>alice via PLAIN</td></tr>", "<tr><th>Messages</th><td>1</td></tr>",
                    " (QUIT)</td></tr>").doesNotContain("s3cret");
        }
    }

    @Test
    void aPlainMessageIsMarkedPlain() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            AngusMail.send(smtp, "app@example.com", "bob@example.com", "Plain", "text");
            smtp.mailbox().awaitMessages(1, AngusMail.WAIT);

            assertThat(WebClient.get(smtp, "/").body()).contains("<td><span class=\"muted\">plain</span></td></tr>",
                    "id=\"message-count\">1 message</span>", "<p class=\"empty\" id=\"no-messages\" hidden>")
                    .doesNotContain("class=\"badge\"");
        }
    }

    @Test
    void theSessionsPageShowsOpenSessionsFailedHandshakesAndCountsViolations() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().startTls().webUi().build().start();
             SmtpDialogue open = SmtpDialogue.greeted(smtp)) {
            open.sendRaw("NOOP\n").expect("250");
            open.sendRaw("NOOP\r").sendRaw("\n").expect("250");
            open.sendRaw("RSET\n").expect("250");
            try (SmtpDialogue failing = SmtpDialogue.afterEhlo(smtp)) {
                failing.send("STARTTLS").expect("220");
                failing.send("this is no TLS handshake");
                failing.cutAndAwaitServerClose(); // the server answers with a TLS alert, then closes
            }
            SmtpSession failed = smtp.sessions().get(1);
            failed.awaitEnd(AngusMail.WAIT);

            String page = WebClient.get(smtp, "/sessions").body();

            String first = page.substring(page.indexOf("id=\"session-s1\""), page.indexOf("id=\"session-s2\""));
            String second = page.substring(page.indexOf("id=\"session-s2\""));
            assertThat(first).contains("<tr><th>Ended</th><td>still open (" + smtp.sessions().get(0).end() + ")</td></tr>",
                    "<tr><th>HELO</th><td><span class=\"muted\">none</span></td></tr>",
                    "<tr><th>TLS</th><td>none</td></tr>", "<tr><th>AUTH</th><td>none</td></tr>",
                    "<tr><th>Messages</th><td>0</td></tr>", "<span class=\"badge bad\">2 violations</span>",
                    "<li><b>BARE_LF</b>: Command line ended in a bare LF: NOOP</li>",
                    "<li><b>BARE_LF</b>: Command line ended in a bare LF: RSET</li>",
                    "C: RSET<span class=\"mark\">   &lt;- violation BARE_LF</span>");
            assertThat(second).contains("<tr><th>TLS</th><td>handshake failed: " + failed.tlsFailure().orElseThrow())
                    .doesNotContain("violation");
        }
    }

    @Test
    void withoutRulesOrSessionsThePagesSaySo() {
        try (FakeSmtpServer smtp = FakeSmtpServer.builder().webUi().build().start()) {
            assertThat(WebClient.get(smtp, "/rules").body()).contains("<p class=\"empty\">No failure rules.</p>");
            assertThat(WebClient.get(smtp, "/sessions").body()).contains("<p class=\"empty\">No sessions.</p>");
            assertThat(WebClient.get(smtp, "/").body()).contains("<span class=\"muted\" id=\"message-count\">0 messages</span>",
                    "<p class=\"empty\" id=\"no-messages\">No messages captured.</p>");
        }
    }
}
