package dev.fakesmtp.web;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.AngusMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Reads the web UI the way a browser or a script does (the JDK's HTTP client), and sends it mail to show. */
final class WebClient {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private WebClient() {
    }

    /** GET {@code path} from the server's viewer. */
    static HttpResponse<String> get(FakeSmtpServer server, String path) {
        return send(request(server, path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** GET {@code path}, the body as bytes. */
    static HttpResponse<byte[]> getBytes(FakeSmtpServer server, String path) {
        return send(request(server, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A request for {@code path} on the server's viewer, with a timeout. */
    static HttpRequest.Builder request(FakeSmtpServer server, String path) {
        return HttpRequest.newBuilder(server.webUiUri().orElseThrow().resolve(path)).timeout(Duration.ofSeconds(5));
    }

    /** Any request. */
    static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return CLIENT.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A raw HTTP/1.1 request with the Host header a test chooses (the JDK client will not send a
     * foreign one); returns the status line.
     */
    static String statusWithHost(URI viewer, String host) {
        return rawStatus(viewer, "GET /api/messages HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    }

    /** Writes {@code request} as it is (headers the JDK client would not send) and returns the status line. */
    static String rawStatus(URI viewer, String request) {
        try (Socket socket = new Socket(viewer.getHost(), viewer.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.substring(0, response.indexOf("\r\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends, with Jakarta Mail, a mail with a text body, an HTML body and the given attachment. */
    static void sendHtml(FakeSmtpServer server, String subject, String text, String html, String fileName,
            String contentType, byte[] attachment) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(AngusMail.plain(server)));
            message.setFrom("shop@example.com");
            message.setRecipients(Message.RecipientType.TO, "bob@example.com");
            message.setSubject(subject, "UTF-8");
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart textPart = new MimeBodyPart();
            textPart.setText(text, "UTF-8");
            MimeBodyPart htmlPart = new MimeBodyPart();
            htmlPart.setText(html, "UTF-8", "html");
            alternative.addBodyPart(textPart);
            alternative.addBodyPart(htmlPart);
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(attachment, contentType)));
            file.setFileName(fileName);
            file.setDisposition(MimeBodyPart.ATTACHMENT);
            mixed.addBodyPart(file);
            message.setContent(mixed);
            Transport.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("Sending to " + server + " failed", e);
        }
    }
}
