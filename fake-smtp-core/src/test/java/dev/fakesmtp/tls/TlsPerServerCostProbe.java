package dev.fakesmtp.tls;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.SmtpDialogue;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntConsumer;
import javax.net.ssl.SSLContext;

/**
 * Not a test: measures what a new TLS server costs once the JVM has made one, for the note on
 * issue 14 (TLS contexts per server instead of one per JVM). It prints and asserts nothing.
 * Run it in a fresh JVM, e.g.
 * {@code java -cp target/classes:target/test-classes:<deps> dev.fakesmtp.tls.TlsPerServerCostProbe 200}.
 */
public final class TlsPerServerCostProbe {

    private TlsPerServerCostProbe() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        System.out.println("java " + System.getProperty("java.version") + ", " + count + " servers per row");
        long start = System.nanoTime();
        try (FakeSmtpServer first = FakeSmtpServer.builder().startTls().build().start()) {
            startTlsDialogue(first, first.clientTls().sslContext());
        }
        System.out.printf(Locale.ROOT, "%-70s %8.2f ms%n", "first TLS server: start, clientTls(), one STARTTLS dialogue",
                (System.nanoTime() - start) / 1e6);
        series("plain server: build, start, close (the baseline)", count, i -> {
            try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
                server.port();
            }
        });
        series("TLS server: build, start, clientTls(), close", count, i -> {
            try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start()) {
                server.clientTls().sslContext();
            }
        });
        series("TLS server: build, start, clientTls(), one STARTTLS dialogue, close", count, i -> {
            try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start()) {
                startTlsDialogue(server, server.clientTls().sslContext());
            }
        });
        try (FakeSmtpServer server = FakeSmtpServer.builder().startTls().build().start()) {
            SSLContext trust = server.clientTls().sslContext();
            series("one more STARTTLS dialogue on a server that has had one", count, i -> startTlsDialogue(server, trust));
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

    private static void series(String what, int count, IntConsumer step) {
        for (int i = 0; i < Math.min(50, count); i++) {
            step.accept(i); // warm-up
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            step.accept(i);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-70s median %6.2f ms  p90 %6.2f ms  min %6.2f ms%n", what,
                nanos[count / 2] / 1e6, nanos[(int) (count * 0.9)] / 1e6, nanos[0] / 1e6);
    }
}
