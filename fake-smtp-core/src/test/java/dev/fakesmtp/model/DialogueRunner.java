package dev.fakesmtp.model;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.model.Step.Command;
import dev.fakesmtp.model.Step.Data;
import dev.fakesmtp.support.SmtpDialogue;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/**
 * Plays a generated dialogue against a real server over a socket and holds every reply and
 * every captured message against the {@link Model}. The client pipelines where the model lets
 * it (RFC 2920: a group ends at DATA, STARTTLS, QUIT and where the server is expected to hang
 * up; a strict server, which refuses pipelining, gets one command at a time) and cuts its bytes
 * into the segments {@code cuts} gives, so commands and chunks straddle the server's reads.
 */
final class DialogueRunner {

    /** A reply's enhanced status code (RFC 3463), right after the code and separator. */
    private static final Pattern ENHANCED = Pattern.compile("\\d{3}[ -][245]\\.\\d{1,3}\\.\\d{1,3}( .*)?");

    private final ModelServer config;
    private final FakeSmtpServer server;
    private final List<Integer> cuts;
    private final Model model;
    private final Tally tally;
    private final Duration readTimeout;
    private final List<String> transcript = new ArrayList<>();
    private int cut;
    private List<String> lastReply = List.of();

    DialogueRunner(ModelServer config, FakeSmtpServer server, List<Integer> cuts, Tally tally, Duration readTimeout) {
        this.config = config;
        this.server = server;
        this.cuts = cuts;
        this.tally = tally;
        this.readTimeout = readTimeout;
        this.model = new Model(config);
    }

    /** Runs the steps (and a QUIT when they leave the connection open); fails at the first disagreement. */
    void run(List<Step> steps) {
        try (SmtpDialogue smtp = SmtpDialogue.connect(server, readTimeout).buffered()) {
            expect(smtp, List.of(220), "(greeting)", Reply.GREETING);
            List<Step> all = new ArrayList<>(steps);
            int next = 0;
            while (!model.closed()) {
                if (next == all.size()) {
                    all.add(new Command(Tokens.Simple.QUIT, Framing.CRLF, false));
                }
                List<Sent> group = new ArrayList<>();
                ByteArrayOutputStream wire = new ByteArrayOutputStream();
                while (true) {
                    Step step = all.get(next++);
                    Sent sent = new Sent(step, model.apply(step));
                    group.add(sent);
                    wire.writeBytes(step.wire());
                    wire.writeBytes(step.chunk());
                    if (sent.contentPipelined()) {
                        wire.writeBytes(((Data) step).message());
                    }
                    if (endsGroup(sent) || next == all.size()) {
                        break;
                    }
                }
                send(smtp, wire.toByteArray());
                for (Sent sent : group) {
                    answer(smtp, sent);
                }
            }
            smtp.expectClosed();
        }
        checkMailbox();
    }

    /** A step on its way, with the replies the model expects for it. */
    private final class Sent {
        final Step step;
        final Model.Prediction prediction;

        Sent(Step step, Model.Prediction prediction) {
            this.step = step;
            this.prediction = prediction;
        }

        /** DATA's message sent right behind it: only to a lenient server, and only when 354 is expected. */
        boolean contentPipelined() {
            return step instanceof Data data && data.contentPipelined() && !config.strict()
                    && prediction.codes().get(0) == 354;
        }
    }

    /** RFC 2920 §3.1: DATA, STARTTLS and QUIT end a group; so does a reply after which the server hangs up. */
    private boolean endsGroup(Sent sent) {
        Step step = sent.step;
        return config.strict() || !step.pipelined() || step instanceof Data || sent.prediction.closes()
                || step instanceof Command c && c.command() == Tokens.Simple.STARTTLS;
    }

    /** Reads the replies to one step; after DATA's 354 sends the message unless it was pipelined. */
    private void answer(SmtpDialogue smtp, Sent sent) {
        Step step = sent.step;
        List<Integer> codes = sent.prediction.codes();
        if (step instanceof Data data && codes.get(0) == 354) {
            expect(smtp, codes.subList(0, 1), step.toString(), Reply.OTHER);
            if (!sent.contentPipelined()) {
                send(smtp, data.message());
            }
            expect(smtp, codes.subList(1, codes.size()), "(end of data)", Reply.OTHER);
            tally.count("DATA " + codes.get(1));
        } else {
            boolean hello = step instanceof Step.Hello && codes.get(0) == 250;
            boolean ehlo = hello && ((Step.Hello) step).extended();
            expect(smtp, codes, step.toString(), ehlo ? Reply.EHLO : hello ? Reply.HELO : Reply.OTHER);
            if (ehlo) {
                checkEhloKeywords(lastReply, sent.prediction.ehloKeywords());
            }
            if (step instanceof Step.Bdat bdat && bdat.last()) {
                tally.count("BDAT LAST " + codes.get(0));
            }
        }
        if (sent.prediction.startsTls()) {
            smtp.startTls(server.clientTls().sslContext());
            transcript.add("   (TLS handshake)");
        }
    }

    /** Which reply is read: RFC 2034 exempts the greeting and EHLO/HELO's from enhanced codes. */
    private enum Reply { GREETING, EHLO, HELO, OTHER }

    /** Reads one reply per code (the first is {@code kind}, any further ones, e.g. a 421, are OTHER) and compares. */
    private void expect(SmtpDialogue smtp, List<Integer> codes, String sent, Reply kind) {
        for (int expected : codes) {
            List<String> reply = smtp.readReplyOrNull();
            String got = reply == null ? "(connection closed)" : String.join(" / ", reply);
            transcript.add("C: " + sent + "\n   expected " + expected + ", got " + got);
            if (reply == null || !reply.get(reply.size() - 1).startsWith(expected + " ")) {
                fail("reply " + expected + " expected");
            }
            checkEnhancedCodes(reply, expected, kind);
            tally.count(String.valueOf(expected));
            lastReply = reply;
            sent = "  ...";
            kind = Reply.OTHER;
        }
    }

    /**
     * RFC 2034 §3: with ENHANCEDSTATUSCODES every 2xx, 4xx and 5xx reply but the greeting and
     * EHLO/HELO's carries an enhanced code of the same class; without it, none does.
     */
    private void checkEnhancedCodes(List<String> reply, int code, Reply kind) {
        boolean offered = config.offers(dev.fakesmtp.Extension.ENHANCED_STATUS_CODES);
        boolean required = offered && kind == Reply.OTHER && code / 100 != 3;
        for (String line : reply) {
            boolean has = ENHANCED.matcher(line).matches();
            if (has && line.charAt(4) != line.charAt(0)) {
                fail("the enhanced code of '" + line + "' is not of the reply's class");
            }
            if (!offered && has) {
                fail("an enhanced code without ENHANCEDSTATUSCODES: " + line);
            }
            if (required && !has) {
                fail("no enhanced code although ENHANCEDSTATUSCODES is offered: " + line);
            }
        }
    }

    /** RFC 5321 §4.1.1.1: one keyword per line after the first; the set the configuration offers. */
    private void checkEhloKeywords(List<String> reply, List<String> wanted) {
        List<String> keywords = reply.subList(1, reply.size()).stream()
                .map(line -> line.substring(4).split(" ")[0]).sorted().toList();
        String size = "SIZE " + ModelServer.MAX_MESSAGE_SIZE;
        if (keywords.contains("SIZE") && reply.stream().noneMatch(line -> line.substring(4).equals(size))) {
            fail("EHLO should say '" + size + "' (RFC 1870 §4): " + reply);
        }
        if (!keywords.equals(wanted)) {
            fail("EHLO lists " + keywords + ", the model expects " + wanted);
        }
    }

    /** Sends the octets in the segments the cuts give, each flushed and briefly apart. */
    private void send(SmtpDialogue smtp, byte[] bytes) {
        int from = 0;
        while (from < bytes.length) {
            int size = cuts.isEmpty() ? bytes.length : cuts.get(cut++ % cuts.size());
            int to = Math.min(bytes.length, from + size);
            smtp.sendRaw(Arrays.copyOfRange(bytes, from, to));
            from = to;
            if (!cuts.isEmpty() && from < bytes.length) {
                LockSupport.parkNanos(50_000); // lets the server read the segment on its own
            }
        }
    }

    /** Every message the model expects, in order, and nothing else. */
    private void checkMailbox() {
        List<Transactions.Captured> expected = model.captured();
        List<ReceivedMail> got = server.mailbox().messages();
        List<String> problems = new ArrayList<>();
        if (got.size() != expected.size()) {
            problems.add(expected.size() + " messages expected, " + got.size() + " captured");
        }
        for (int i = 0; i < Math.min(got.size(), expected.size()); i++) {
            Transactions.Captured want = expected.get(i);
            ReceivedMail mail = got.get(i);
            if (!mail.envelope().mailFrom().equals(want.from())
                    || !mail.envelope().recipients().equals(want.recipients())
                    || !Arrays.equals(mail.raw(), want.content())) {
                problems.add("message " + (i + 1) + ": expected " + want + "\n   captured from <"
                        + mail.envelope().mailFrom() + "> to " + mail.envelope().recipients() + ": "
                        + Tokens.show(mail.raw()));
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    private void fail(String what) {
        throw new AssertionError("The server disagrees with the RFC model (" + config + "): " + what
                + "\nDialogue so far:\n" + String.join("\n", transcript)
                + "\n(segments cut every " + cuts + " octets)");
    }
}
