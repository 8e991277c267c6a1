package dev.fakesmtp.internal.web;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Writes the web UI's responses, each with the same protective headers: no sniffing, no
 * referrer, no caching, no framing, not readable cross-origin, and a Content-Security-Policy
 * (the page's for HTML, a sandbox that runs nothing for everything else).
 */
final class Responses {

    /** For JSON, raw mail and attachments: if a browser shows one as a document, nothing in it runs. */
    static final String DATA_POLICY = "default-src 'none'; sandbox";

    private Responses() {
    }

    /** An HTML page under {@code policy}. */
    static void html(HttpExchange exchange, int status, String policy, String html) throws IOException {
        send(exchange, status, "text/html; charset=utf-8", policy, html.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON document. */
    static void json(HttpExchange exchange, String json) throws IOException {
        send(exchange, 200, "application/json; charset=utf-8", DATA_POLICY, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A short plain-text answer, for errors. */
    static void text(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", DATA_POLICY, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes the browser saves as a file named {@code fileName} instead of showing them. */
    static void download(HttpExchange exchange, String contentType, String fileName, byte[] content)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Disposition", contentDisposition(fileName));
        send(exchange, 200, contentType, DATA_POLICY, content);
    }

    /** The headers every response gets, then the status and, unless the request is HEAD, the body. */
    static void send(HttpExchange exchange, int status, String contentType, String policy, byte[] body)
            throws IOException {
        protect(exchange.getResponseHeaders(), contentType, policy);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Sets the protective headers and the content type. */
    static void protect(Headers headers, String contentType, String policy) {
        headers.set("Content-Type", contentType);
        headers.set("Content-Security-Policy", policy);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Cache-Control", "no-store");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
    }

    /**
     * {@code attachment} with an ASCII fallback name and the exact name per RFC 6266/8187, so a
     * hostile file name can neither break the header nor escape the download folder.
     */
    static String contentDisposition(String fileName) {
        StringBuilder ascii = new StringBuilder();
        for (int i = 0; i < fileName.length(); i++) {
            char c = fileName.charAt(i);
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '/' && c != ';' ? c : '_');
        }
        String encoded = URLEncoder.encode(fileName.replace('/', '_').replace('\\', '_'), StandardCharsets.UTF_8)
                .replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
