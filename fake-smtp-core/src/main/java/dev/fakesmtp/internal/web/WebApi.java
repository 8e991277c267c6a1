package dev.fakesmtp.internal.web;

import com.sun.net.httpserver.HttpExchange;
import dev.fakesmtp.Attachment;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import java.io.IOException;
import java.util.List;

/** The viewer's JSON API under {@code /api/}, and the raw bytes of messages and attachments. */
final class WebApi {

    private final FakeSmtpServer server;

    WebApi(FakeSmtpServer server) {
        this.server = server;
    }

    /** {@code GET /api/messages}. */
    void messages(HttpExchange exchange) throws IOException {
        Responses.json(exchange, JsonViews.messages(server.mailbox().messages()));
    }

    /** {@code GET /api/messages/{id}}. */
    void message(HttpExchange exchange, ReceivedMail mail) throws IOException {
        Responses.json(exchange, JsonViews.message(mail));
    }

    /** {@code GET /api/messages/{id}/raw}: the bytes as received, as an {@code .eml} download. */
    void raw(HttpExchange exchange, ReceivedMail mail) throws IOException {
        Responses.download(exchange, "message/rfc822", MessageParts.id(mail) + ".eml", mail.raw());
    }

    /**
     * {@code GET /api/messages/{id}/attachments/{index}}: the decoded part as a download. Only a
     * safe image keeps its declared type; anything else (HTML, SVG, ...) is sent as octets.
     */
    void attachment(HttpExchange exchange, ReceivedMail mail, String index) throws IOException {
        List<Attachment> parts = MessageParts.all(mail);
        int i = index.matches("\\d{1,6}") ? Integer.parseInt(index) : -1;
        if (i < 0 || i >= parts.size()) {
            Responses.text(exchange, 404, "Message " + MessageParts.id(mail) + " has no part " + index);
            return;
        }
        Attachment part = parts.get(i);
        Responses.download(exchange, HtmlBody.showable(part) ? part.contentType() : "application/octet-stream",
                part.fileName().orElse("part-" + (i + 1)), part.content());
    }

    /** {@code GET /api/sessions}. */
    void sessions(HttpExchange exchange) throws IOException {
        Responses.json(exchange, JsonViews.sessions(server.sessions()));
    }

    /** {@code GET /api/rules}. */
    void rules(HttpExchange exchange) throws IOException {
        Responses.json(exchange, JsonViews.rules(server.rules()));
    }
}
