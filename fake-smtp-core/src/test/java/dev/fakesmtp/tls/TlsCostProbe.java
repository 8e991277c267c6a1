package dev.fakesmtp.tls;

import dev.fakesmtp.ClientTls;
import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.AngusMail;
import dev.fakesmtp.support.SmtpDialogue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.function.IntConsumer;
import javax.net.ssl.SSLContext;

/**
 * Not a test: measures what TLS costs, for the note on issue 3. It prints, and asserts nothing
 * about time. Run it in a fresh JVM (the first numbers are the point), e.g.
 * {@code java -cp target/classes:target/test-classes:<deps> dev.fakesmtp.tls.TlsCostProbe 50}.
 */
public final class TlsCostProbe {

    private TlsCostProbe() {
    }

    public static void main(String[] args) throws Exception {
        int later = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        System.out.println("java " + System.getProperty("java.version") + ", " + later + " repetitions for 'later'");

        long start = System.nanoTime();
        try (FakeSmtpServer plain = FakeSmtpServer.builder().build().start()) {
            print("first server in the JVM, no TLS: build + start", start);
        }
        start = System.nanoTime();
        FakeSmtpServer server = FakeSmtpServer.builder().startTls().implicitTlsPort(0).build().start();
        print("server with startTls() + implicitTlsPort(0): build + start", start);
        try (server) {
            start = System.nanoTime();
            ClientTls clientTls = server.clientTls();
            SSLContext trust = clientTls.sslContext();
            print("first clientTls(): loads the bundled p12 + CA, server and client SSLContext", start);

            start = System.nanoTime();
            startTlsDialogue(server, trust);
            print("first STARTTLS dialogue (connect, EHLO, STARTTLS, handshake, EHLO, QUIT)", start);
            series("later STARTTLS dialogues", later, i -> startTlsDialogue(server, trust));
            series("later plain dialogues (connect, EHLO, QUIT), the baseline", later, i -> plainDialogue(server));

            start = System.nanoTime();
            implicitDialogue(server, trust);
            print("first implicit-TLS dialogue (connect + handshake, EHLO, QUIT)", start);
            series("later implicit-TLS dialogues", later, i -> implicitDialogue(server, trust));

            Properties angus = AngusMail.withTimeouts(server.mailProperties());
            start = System.nanoTime();
            AngusMail.send(angus, "first");
            print("first Angus Transport.send over STARTTLS (includes Angus class loading)", start);
            series("later Angus Transport.send over STARTTLS", later, i -> {
                try {
                    AngusMail.send(angus, "later " + i);
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            });
            Properties clear = AngusMail.plain(server);
            series("later Angus Transport.send in clear text, the baseline", later, i -> {
                try {
                    AngusMail.send(clear, "clear " + i);
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            });
            long overTls = server.mailbox().messages().stream().filter(mail -> mail.envelope().tls().isPresent()).count();
            System.out.println("mails captured: " + server.mailbox().size() + ", over TLS: " + overTls);
        }
    }

    private static void startTlsDialogue(FakeSmtpServer server, SSLContext trust) {
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("STARTTLS").expect("220 ");
            smtp.startTls(trust);
            smtp.send("EHLO probe.test").expect("250 ");
            smtp.send("QUIT").expect("221 ");
        }
    }

    private static void implicitDialogue(FakeSmtpServer server, SSLContext trust) {
        try (SmtpDialogue smtp = SmtpDialogue.connectTls(server, server.implicitTlsPort(), trust)) {
            smtp.expect("220 ");
            smtp.send("EHLO probe.test").expect("250 ");
            smtp.send("QUIT").expect("221 ");
        }
    }

    private static void plainDialogue(FakeSmtpServer server) {
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("QUIT").expect("221 ");
        }
    }

    private static void series(String what, int count, IntConsumer step) {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            step.accept(i);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-78s median %7.2f ms  p90 %7.2f ms  min %7.2f ms  max %7.2f ms%n", what,
                ms(nanos[count / 2]), ms(nanos[(int) (count * 0.9)]), ms(nanos[0]), ms(nanos[count - 1]));
    }

    private static void print(String what, long start) {
        System.out.printf(Locale.ROOT, "%-78s %7.2f ms%n", what, ms(System.nanoTime() - start));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
