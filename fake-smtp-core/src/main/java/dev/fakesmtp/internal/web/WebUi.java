package dev.fakesmtp.internal.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fakesmtp.FakeSmtpException;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.Mailbox;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.internal.ConnectionThreads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live viewer: a small HTTP server (the JDK's {@code com.sun.net.httpserver}) on a free
 * loopback port, whatever address the SMTP server binds, that shows one server's mailbox,
 * messages, sessions and rules, and serves them as JSON under {@code /api/}. Read-only: it
 * answers GET and HEAD, and only requests addressed to the loopback name it listens on, so
 * that a web page elsewhere cannot read it through DNS rebinding.
 */
public final class WebUi implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WebUi.class.getName());

    private final HttpServer http;
    private final URI uri;
    private final Set<String> hosts;
    private final EventStream events = new EventStream();
    private final WebPages pages;
    private final WebApi api;
    private final FakeSmtpServer server;
    private final Mailbox.Subscription subscription;

    private WebUi(FakeSmtpServer server, HttpServer http) {
        this.server = server;
        this.http = http;
        InetSocketAddress bound = http.getAddress();
        String host = bound.getAddress().getHostAddress();
        String authority = (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort();
        this.uri = URI.create("http://" + authority + "/");
        this.hosts = Set.of(authority, "localhost:" + bound.getPort());
        this.pages = new WebPages(server);
        this.api = new WebApi(server);
        this.subscription = server.mailbox().onMessage(mail -> events.publish("mail",
                Json.quoted(MessageParts.id(mail))));
    }

    /**
     * Starts the viewer for a started server.
     *
     * @param server the SMTP server to show
     * @return the running viewer
     * @throws FakeSmtpException if no loopback port can be bound
     */
    public static WebUi start(FakeSmtpServer server) {
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new FakeSmtpException("Cannot start the web UI on a loopback port: " + e.getMessage(), e);
        }
        // Named like the server's other threads (fake-smtp-<kind>-<port>-<n>), so a dump tells them apart.
        String prefix = "fake-smtp-web-" + server.port() + "-";
        AtomicInteger requests = new AtomicInteger();
        http.setExecutor(task -> ConnectionThreads.newThread(prefix + requests.incrementAndGet(), task).start());
        WebUi webUi = new WebUi(server, http);
        http.createContext("/", webUi::handle);
        http.start();
        LOG.log(System.Logger.Level.INFO, "fake-smtp web UI for SMTP " + server.host() + ":" + server.port() + ": "
                + webUi.uri);
        return webUi;
    }

    /**
     * Where the viewer listens.
     *
     * @return e.g. {@code http://127.0.0.1:41234/}
     */
    public URI uri() {
        return uri;
    }

    /** Ends the event streams and stops the HTTP server at once; open connections are closed. */
    @Override
    public void close() {
        subscription.close();
        events.close();
        http.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream()); // GET has none; drained so the connection is reusable
            String host = exchange.getRequestHeaders().getFirst("Host");
            if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
                Responses.text(exchange, 403, "This viewer answers only requests for " + uri);
                return;
            }
            String method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                Responses.text(exchange, 405, "The viewer is read-only: GET and HEAD only");
                return;
            }
            route(exchange, exchange.getRequestURI().getRawPath());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "web UI request failed (the browser went away?)", e);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "web UI request for " + exchange.getRequestURI() + " failed", e);
            if (exchange.getResponseCode() == -1) {
                Responses.text(exchange, 500, "The viewer failed to render this page: " + e);
            }
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, String path) throws IOException {
        String[] segments = path.replaceAll("^/+|/+$", "").split("/", -1);
        switch (path) {
            case "/" -> pages.mailbox(exchange);
            case "/sessions" -> pages.sessions(exchange);
            case "/rules" -> pages.rules(exchange);
            case "/events" -> events.serve(exchange);
            case "/viewer.js" -> script(exchange);
            case "/api/messages" -> api.messages(exchange);
            case "/api/sessions" -> api.sessions(exchange);
            case "/api/rules" -> api.rules(exchange);
            default -> routeMessage(exchange, segments);
        }
    }

    /** {@code /messages/{id}}, {@code /api/messages/{id}}, {@code .../raw}, {@code .../attachments/{n}}. */
    private void routeMessage(HttpExchange exchange, String[] segments) throws IOException {
        boolean apiPath = segments.length >= 3 && segments[0].equals("api") && segments[1].equals("messages");
        boolean pagePath = segments.length == 2 && segments[0].equals("messages");
        Optional<ReceivedMail> mail = apiPath ? find(segments[2]) : pagePath ? find(segments[1]) : Optional.empty();
        if (mail.isEmpty()) {
            pages.notFound(exchange, apiPath || pagePath ? "No message with this id (the server may have been reset)."
                    : "No such page.");
        } else if (pagePath) {
            pages.message(exchange, mail.get());
        } else if (segments.length == 3) {
            api.message(exchange, mail.get());
        } else if (segments.length == 4 && segments[3].equals("raw")) {
            api.raw(exchange, mail.get());
        } else if (segments.length == 5 && segments[3].equals("attachments")) {
            api.attachment(exchange, mail.get(), segments[4]);
        } else {
            pages.notFound(exchange, "No such page.");
        }
    }

    private Optional<ReceivedMail> find(String id) {
        return server.mailbox().messages(mail -> MessageParts.id(mail).equals(id)).stream().findFirst();
    }

    private static void script(HttpExchange exchange) throws IOException {
        try (InputStream in = WebUi.class.getResourceAsStream("viewer.js")) {
            if (in == null) {
                throw new IllegalStateException("viewer.js is missing from the fake-smtp jar");
            }
            Responses.send(exchange, 200, "text/javascript; charset=utf-8", Responses.DATA_POLICY, in.readAllBytes());
        }
    }
}
