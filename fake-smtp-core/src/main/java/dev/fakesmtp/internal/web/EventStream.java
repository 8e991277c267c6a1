package dev.fakesmtp.internal.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events ({@code text/event-stream}) that tell open mailbox pages a message arrived.
 * Each client has its own bounded queue, drained by its request's thread, so a slow browser
 * never holds up the SMTP connection that delivered the mail.
 */
final class EventStream implements AutoCloseable {

    private static final int MAX_CLIENTS = 64;
    private static final int QUEUE = 256;
    /** Proxies and browsers keep an idle stream open when something arrives now and then. */
    private static final long KEEP_ALIVE_SECONDS = 15;
    /** Compared by identity: the signal that ends a stream. */
    private static final String END = new String("end");

    private final Set<BlockingQueue<String>> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Sends an event to every open stream; a client too far behind is dropped (its page reconnects). */
    void publish(String event, String data) {
        String frame = "event: " + event + "\ndata: " + data + "\n\n";
        for (BlockingQueue<String> client : clients) {
            if (!client.offer(frame)) {
                clients.remove(client);
                client.clear();
                client.offer(END);
            }
        }
    }

    /** Serves one stream until the client leaves or the web UI closes; runs on the request's thread. */
    void serve(HttpExchange exchange) throws IOException {
        if (closed || clients.size() >= MAX_CLIENTS) {
            Responses.text(exchange, 503, "Too many open event streams");
            return;
        }
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE);
        clients.add(queue);
        try {
            Responses.protect(exchange.getResponseHeaders(), "text/event-stream; charset=utf-8",
                    Responses.DATA_POLICY);
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            write(out, "retry: 2000\n: connected\n\n");
            while (!closed) {
                String frame = queue.poll(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
                if (frame == END || closed) {
                    break;
                }
                write(out, frame == null ? ": keep-alive\n\n" : frame);
            }
            out.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.remove(queue);
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Ends every open stream; later requests get 503. */
    @Override
    public void close() {
        closed = true;
        for (BlockingQueue<String> client : clients) {
            client.clear();
            client.offer(END);
        }
    }
}
