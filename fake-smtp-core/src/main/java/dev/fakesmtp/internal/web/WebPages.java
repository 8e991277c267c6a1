package dev.fakesmtp.internal.web;

import com.sun.net.httpserver.HttpExchange;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.SmtpSession;
import java.io.IOException;
import java.util.List;

/** The viewer's HTML pages: mailbox, one message, sessions, rules. */
final class WebPages {

    private final FakeSmtpServer server;
    private final MessageView view = new MessageView(new ViewerLinks());

    WebPages(FakeSmtpServer server) {
        this.server = server;
    }

    /** The mailbox; {@code viewer.js} keeps it current through the event stream. */
    void mailbox(HttpExchange exchange) throws IOException {
        List<ReceivedMail> mails = server.mailbox().messages();
        String body = "<h1>Mailbox <span class=\"muted\" id=\"message-count\">" + mails.size() + " message"
                + (mails.size() == 1 ? "" : "s") + "</span></h1>\n<p class=\"note\" id=\"live\">This list shows"
                + " mail as it arrives (reload the page if your browser has JavaScript off).</p>\n" + view.list(mails);
        page(exchange, 200, Page.VIEWER_POLICY, "Mailbox", body);
    }

    /** One message, in full, with its session's transcript. */
    void message(HttpExchange exchange, ReceivedMail mail) throws IOException {
        boolean remoteImages = "images=remote".equals(exchange.getRequestURI().getRawQuery());
        String sessionId = mail.envelope().sessionId();
        List<SmtpSession> session = server.sessions().stream().filter(s -> s.id().equals(sessionId)).toList();
        String body = "<p><a href=\"/\">&larr; Mailbox</a></p>\n" + view.message(mail, "message", remoteImages)
                + "<details class=\"session\"><summary>Session transcript</summary>\n"
                + (session.isEmpty() ? "<p class=\"empty\">The server no longer remembers session "
                        + Html.escape(sessionId) + ".</p>\n" : SessionView.sessions(session, "message-"))
                + "</details>\n";
        page(exchange, 200, remoteImages ? Page.VIEWER_POLICY_REMOTE_IMAGES : Page.VIEWER_POLICY,
                MessageParts.subject(mail), body);
    }

    /** Every remembered session with its transcript. */
    void sessions(HttpExchange exchange) throws IOException {
        page(exchange, 200, Page.VIEWER_POLICY, "Sessions",
                "<h1>Sessions</h1>\n" + SessionView.sessions(server.sessions(), ""));
    }

    /** The failure rules and how often each fired. */
    void rules(HttpExchange exchange) throws IOException {
        page(exchange, 200, Page.VIEWER_POLICY, "Rules", "<h1>Failure rules</h1>\n" + SessionView.rules(server.rules()));
    }

    /** A page that says what was not found. */
    void notFound(HttpExchange exchange, String what) throws IOException {
        page(exchange, 404, Page.VIEWER_POLICY, "Not found", "<h1>Not found</h1>\n<p>" + Html.escape(what) + "</p>\n");
    }

    private void page(HttpExchange exchange, int status, String policy, String title, String body) throws IOException {
        String navigation = "<nav><a class=\"brand\" href=\"/\">fake-smtp</a><a href=\"/\">Mailbox</a>"
                + "<a href=\"/sessions\">Sessions</a><a href=\"/rules\">Rules</a><span class=\"where\">SMTP "
                + Html.escape(server.host() + ":" + server.port()) + "</span></nav>\n";
        Responses.html(exchange, status, policy, Page.document(title + " - fake-smtp", null, "/viewer.js",
                navigation, body));
    }
}
