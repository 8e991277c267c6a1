package dev.fakesmtp.junit5.support;

import dev.fakesmtp.FakeSmtpServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Sends mail to a server the way applications do (Jakarta Mail), or breaks the protocol on purpose. */
public final class Mail {

    private Mail() {
    }

    /** Sends one plain-text message with Jakarta Mail (Eclipse Angus). */
    public static void send(FakeSmtpServer server, String from, String to, String subject, String text) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", server.host());
        properties.put("mail.smtp.port", String.valueOf(server.port()));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(properties));
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, to);
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            Transport.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("Sending to " + server + " failed", e);
        }
    }

    /** Sends a NOOP that ends in a bare LF (a violation), reads the reply, then QUITs cleanly. */
    public static void sendBareLf(FakeSmtpServer server) {
        try (Socket socket = new Socket(server.host(), server.port())) {
            socket.setSoTimeout(5_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            out.write("EHLO client.test\r\n".getBytes(StandardCharsets.US_ASCII));
            expect(in, "250 ");
            out.write("NOOP\n".getBytes(StandardCharsets.US_ASCII));
            expect(in, "250");
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            expect(in, "221");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Greets with EHLO, reads the reply and closes the connection without QUIT (a violation). */
    public static void hangUpWithoutQuit(FakeSmtpServer server) {
        try (Socket socket = new Socket(server.host(), server.port())) {
            socket.setSoTimeout(5_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            out.write("EHLO client.test\r\n".getBytes(StandardCharsets.US_ASCII));
            expect(in, "250 ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void expect(BufferedReader in, String prefix) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IllegalStateException("The server closed the connection, expected " + prefix);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (!line.startsWith(prefix.trim())) {
            throw new IllegalStateException("Expected " + prefix + " but got " + line);
        }
    }
}
