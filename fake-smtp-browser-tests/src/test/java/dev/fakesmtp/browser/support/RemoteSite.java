package dev.fakesmtp.browser.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the internet: a web server a mail links to (images, style sheets, tracking
 * pixels), on another loopback port, so to the browser it is another origin. It records every
 * request, which is how a test knows whether a captured mail reached out. It also serves any
 * HTML a test gives it, without any protection, to show that a probe does work when nothing stops it.
 */
public final class RemoteSite implements AutoCloseable {

    /** A 1x1 transparent GIF. */
    private static final byte[] PIXEL = java.util.Base64.getDecoder()
            .decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile String page = "";

    private RemoteSite(HttpServer server) {
        this.server = server;
    }

    /** Starts the site on a free loopback port. */
    public static RemoteSite start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            RemoteSite site = new RemoteSite(server);
            server.createContext("/", exchange -> {
                site.requests.add(exchange.getRequestURI().getPath());
                boolean html = exchange.getRequestURI().getPath().equals("/page.html");
                byte[] body = html ? site.page.getBytes(StandardCharsets.UTF_8) : PIXEL;
                exchange.getResponseHeaders().set("Content-Type", html ? "text/html; charset=utf-8" : "image/gif");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>/<path>}. */
    public String url(String path) {
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/" + path;
    }

    /** Serves {@code html} unprotected at {@code /page.html} and returns its address. */
    public URI serve(String html) {
        page = html;
        return URI.create(url("page.html"));
    }

    /** The paths requested so far, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
