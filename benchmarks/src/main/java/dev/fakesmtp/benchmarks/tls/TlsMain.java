package dev.fakesmtp.benchmarks.tls;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.benchmarks.subject.SubjectMain;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Properties;

/**
 * The TLS scenario, in a fresh JVM per run, as a test JVM meets it: the time from {@code main}
 * to the end of the first {@code Transport.send} (Eclipse Angus) to a server just built, with
 * STARTTLS required ({@code tls}) or in clear text ({@code clear}): material loaded, contexts
 * built, the first handshake, and whatever Jakarta Mail loads on its first send. Then, in the same
 * JVM, {@code count} more sends, each on a new connection, timed one by one.
 * {@code TlsMain <tls|clear> <fake-smtp kind> <count>} prints
 * {@code "@@ OK firstNanos later1 later2 ..."}.
 */
public final class TlsMain {

    private static final int WARM_UP = 50;

    private TlsMain() {
    }

    /** Runs one TLS measurement; see the class comment. */
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        boolean tls = args[0].equals("tls");
        int count = Integer.parseInt(args[2]);
        FakeSmtpServer.Builder builder = args[1].equals("fake-smtp-platform") ? platformThreads()
                : FakeSmtpServer.builder();
        if (tls) {
            builder.startTls();
        }
        try (FakeSmtpServer server = builder.build().start()) {
            Properties properties = server.mailProperties();
            send(properties);
            long first = System.nanoTime() - start;
            for (int i = 0; i < WARM_UP; i++) {
                send(properties);
            }
            long[] later = new long[count];
            for (int i = 0; i < count; i++) {
                long sent = System.nanoTime();
                send(properties);
                later[i] = System.nanoTime() - sent;
                if (i % 100 == 99) {
                    server.reset(); // the mailbox and the session history stay small
                }
            }
            StringBuilder line = new StringBuilder(SubjectMain.PREFIX + "OK " + first);
            Arrays.stream(later).forEach(nanos -> line.append(' ').append(nanos));
            System.out.println(line);
        }
        System.exit(0);
    }

    /** In a method of its own, so that a core without {@code ThreadModel} runs the other kinds. */
    private static FakeSmtpServer.Builder platformThreads() {
        return FakeSmtpServer.builder().threadModel(dev.fakesmtp.ThreadModel.PLATFORM);
    }

    private static void send(Properties properties) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom("sender@bench.test");
        message.setRecipients(Message.RecipientType.TO, "recipient@bench.test");
        message.setSubject("TLS benchmark");
        message.setText("A short message.");
        Transport.send(message);
    }
}
