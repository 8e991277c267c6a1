package dev.fakesmtp.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A client's secret never reaches what a failure message, a CI log or a report can print: the
 * transcript (client and server lines), the violations, the replies, the server's log. The ways
 * a secret can arrive are generated, not listed: every mechanism that carries a reusable secret
 * (PLAIN, LOGIN, XOAUTH2), every way of writing the AUTH line (separator, case, leading space,
 * initial response or continuation), every line ending (CRLF, bare LF, a stray CR), every way of
 * sending (waiting for each reply, pipelined after EHLO, everything in one write, so responses
 * arrive after a refused AUTH and are read as commands), over-long lines, lenient and strict.
 */
@Timeout(20)
class SecretRedactionTest {

    private static final String USER = "alice";
    private static final String SECRET = "TOPSECRET";
    private static final int AUTH_LINE_LIMIT = 12_288;

    /** How the client sends: waiting for replies, or not. */
    enum Sending { WAITING, PIPELINED_AFTER_EHLO, ALL_IN_ONE_WRITE }

    /** A mechanism and the responses a client sends for it (the first may go on the AUTH line). */
    enum Mechanism {
        PLAIN(Sasl.plain(USER, SECRET)),
        LOGIN(Sasl.base64(USER), Sasl.base64(SECRET)),
        XOAUTH2(Sasl.xoauth2(USER, SECRET));

        final List<String> responses;

        Mechanism(String... responses) {
            this.responses = List.of(responses);
        }
    }

    /**
     * One way of presenting credentials.
     *
     * @param separator what the client puts between AUTH, the mechanism and an initial response
     * @param ending how every line the client sends ends
     * @param initialResponse whether the first response goes on the AUTH line (else after 334)
     * @param oversized whether the line with the first response is padded past the AUTH line limit
     * @param verb how the client spells AUTH
     */
    record Variant(Mechanism mechanism, String separator, String ending, boolean initialResponse,
                   boolean oversized, String verb, Sending sending, boolean strict) {

        @Override
        public String toString() {
            return mechanism + " verb=" + visible(verb) + " sep=" + visible(separator) + " end=" + visible(ending)
                    + (initialResponse ? " initial" : " continuation") + (oversized ? " oversized" : "")
                    + " " + sending + (strict ? " strict" : " lenient");
        }
    }

    static Stream<Arguments> variants() {
        List<Variant> variants = new ArrayList<>();
        for (Mechanism mechanism : Mechanism.values()) {
            for (boolean strict : new boolean[] {false, true}) {
                for (Sending sending : Sending.values()) {
                    for (boolean initial : new boolean[] {true, false}) {
                        for (String separator : List.of(" ", "  ", "\t", "\r")) {
                            for (String ending : List.of("\r\n", "\n", "\r\r\n")) {
                                variants.add(new Variant(mechanism, separator, ending, initial, false, "AUTH", sending, strict));
                            }
                        }
                        variants.add(new Variant(mechanism, " ", "\r\n", initial, true, "AUTH", sending, strict));
                        variants.add(new Variant(mechanism, " ", "\r\n", initial, false, "auth", sending, strict));
                        variants.add(new Variant(mechanism, " ", "\r\n", initial, false, " AUTH", sending, strict));
                    }
                }
            }
        }
        return variants.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("variants")
    void theSecretAppearsNowhere(Variant variant) {
        List<String> lines = clientLines(variant);
        List<String> replies = new ArrayList<>();
        List<String> logged = new ArrayList<>();
        Handler capture = capturing(logged);
        Logger log = Logger.getLogger("dev.fakesmtp");
        log.addHandler(capture);
        FakeSmtpServer.Builder builder = FakeSmtpServer.builder();
        try (FakeSmtpServer server = (variant.strict() ? builder.strict() : builder).build().start()) {
            try (SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
                converse(smtp, variant, lines, replies);
            }
            SmtpSession session = server.sessions().get(0);
            session.awaitEnd(Duration.ofSeconds(5));
            String transcript = session.transcriptText();
            String violations = session.violations().toString();
            String logText;
            synchronized (logged) {
                logText = String.join("\n", logged);
            }
            for (String secret : forbidden(variant.mechanism())) {
                assertThat(transcript).as("transcript").doesNotContain(secret);
                assertThat(violations).as("violations").doesNotContain(secret);
                assertThat(String.join("\n", replies)).as("replies").doesNotContain(secret);
                assertThat(logText).as("log").doesNotContain(secret);
            }
            assertThat(transcript).as("the credentials are in the transcript, hidden").contains("credentials hidden");
        } finally {
            log.removeHandler(capture);
        }
    }

    /** EHLO, the AUTH line and the responses the mechanism needs, each with its line ending. */
    private static List<String> clientLines(Variant variant) {
        List<String> responses = variant.mechanism().responses;
        String sep = variant.separator();
        String first = responses.get(0) + (variant.oversized() ? "A".repeat(AUTH_LINE_LIMIT) : "");
        List<String> lines = new ArrayList<>();
        lines.add("EHLO client.test\r\n");
        String auth = variant.verb() + sep + variant.mechanism().name();
        if (variant.initialResponse()) {
            lines.add(auth + sep + first + variant.ending());
        } else {
            lines.add(auth + variant.ending());
            lines.add(first + variant.ending());
        }
        for (String response : responses.subList(1, responses.size())) {
            lines.add(response + variant.ending());
        }
        return lines;
    }

    /**
     * Sends the lines as the variant says, then QUIT. Every line gets exactly one reply, whether
     * the server takes it as a command or as a SASL response, so the replies are read by count.
     */
    private static void converse(SmtpDialogue smtp, Variant variant, List<String> lines, List<String> replies) {
        switch (variant.sending()) {
            case WAITING -> {
                for (String line : lines) {
                    replies.addAll(smtp.sendRaw(line).readReply());
                }
            }
            case PIPELINED_AFTER_EHLO -> {
                smtp.sendRaw(lines.get(0) + lines.get(1));
                replies.addAll(smtp.readReply());
                replies.addAll(smtp.readReply());
                for (String line : lines.subList(2, lines.size())) {
                    replies.addAll(smtp.sendRaw(line).readReply());
                }
            }
            case ALL_IN_ONE_WRITE -> {
                smtp.sendRaw(String.join("", lines));
                for (int i = 0; i < lines.size(); i++) {
                    replies.addAll(smtp.readReply());
                }
            }
        }
        replies.addAll(smtp.send("QUIT").expect("221 "));
    }

    /** The secret and every 12-character stretch of each response that carries it (a truncated echo still leaks). */
    private static List<String> forbidden(Mechanism mechanism) {
        List<String> forbidden = new ArrayList<>(List.of(SECRET));
        for (String response : mechanism.responses) {
            int window = Math.min(12, response.length());
            for (int i = 0; i + window <= response.length(); i++) {
                forbidden.add(response.substring(i, i + window));
            }
        }
        return forbidden;
    }

    private static Handler capturing(List<String> logged) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (logged) {
                    logged.add(record.getMessage());
                    for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                        logged.add(String.valueOf(t));
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    private static String visible(String text) {
        return text.replace("\r", "<CR>").replace("\n", "<LF>").replace("\t", "<HT>").replace(" ", "<SP>");
    }
}
