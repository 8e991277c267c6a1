package dev.fakesmtp.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.TranscriptLine;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A misbehaving client cannot make the server keep its every byte: a transcript keeps about its
 * newest 1 MiB of text (the README's budget), the ended sessions together about 32 MiB, and
 * what was dropped is noted where it was.
 */
@Timeout(120)
class TranscriptBudgetTest {

    private static final int TRANSCRIPT_BUDGET = 1024 * 1024;
    private static final int HISTORY_BUDGET = 32 * 1024 * 1024;
    /** What a line costs beyond its characters (the README's budget counts it). */
    private static final int LINE_OVERHEAD = 64;
    private static final String LONG_COMMAND = "NOOP " + "x".repeat(12_000);

    @Test
    void aHostileSessionsTranscriptStaysWithinItsBudgetAndNotesWhatItDropped() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            floodWithLongLines(server, 400); // about 4.8 million characters of command lines

            SmtpSession session = server.sessions().get(0);
            assertThat(session.awaitEnd(Duration.ofSeconds(5))).isEqualTo(SessionEnd.QUIT);
            List<TranscriptLine> transcript = session.transcript();
            assertThat(characters(transcript)).as("characters kept").isLessThanOrEqualTo(TRANSCRIPT_BUDGET);
            assertThat(transcript.get(0)).satisfies(note -> {
                assertThat(note.direction()).isEqualTo(TranscriptLine.Direction.NOTE);
                assertThat(note.text()).matches("\\(\\d+ earlier lines, \\d+ characters, dropped: a transcript keeps"
                        + " about its newest 1 MiB and 10000 lines\\)");
            });
            assertThat(transcript.subList(transcript.size() - 2, transcript.size())).extracting(TranscriptLine::toString)
                    .containsExactly("C: QUIT", "S: 221 2.0.0 localhost Service closing transmission channel");
            assertThat(session.transcriptText()).startsWith("-- (").contains("earlier lines");
        }
    }

    @Test
    void theEndedSessionsTogetherKeepTheirNewestTranscriptsWithinTheHistoryBudget() throws Exception {
        int sessions = 40; // about 43 million characters in all
        try (FakeSmtpServer server = FakeSmtpServer.builder().build().start()) {
            ExecutorService clients = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < sessions; i++) {
                    done.add(clients.submit(() -> floodWithLongLines(server, 90)));
                }
                for (Future<?> each : done) {
                    each.get(60, TimeUnit.SECONDS);
                }
            } finally {
                clients.shutdownNow();
            }
            List<SmtpSession> all = server.sessions();
            for (SmtpSession session : all) {
                session.awaitEnd(Duration.ofSeconds(5));
            }

            assertThat(all).as("the sessions themselves are all remembered").hasSize(sessions)
                    .allSatisfy(session -> assertThat(session.end()).isEqualTo(SessionEnd.QUIT));
            long kept = all.stream().mapToLong(session -> characters(session.transcript())).sum();
            assertThat(kept).as("characters kept by all ended sessions").isLessThanOrEqualTo(HISTORY_BUDGET);
            assertThat(all.get(sessions - 1).transcript()).as("the newest session's transcript").hasSizeGreaterThan(100);
            assertThat(all.get(0).transcript()).as("the oldest session's transcript").singleElement()
                    .satisfies(note -> {
                        assertThat(note.direction()).isEqualTo(TranscriptLine.Direction.NOTE);
                        assertThat(note.text()).startsWith("(transcript dropped: ")
                                .contains("the newest 32 MiB of ended sessions' transcripts");
                    });
        }
    }

    @Test
    void aTranscriptKeepsExactlyItsLineLimitAndNotesTheOneLineOver() {
        List<TranscriptLine> all = dialogueWithLineLimit(10_000);
        List<String> whole = linesOf(all);
        int limit = whole.size();
        assertThat(limit).as("the dialogue's lines (a limit is at least 10)").isGreaterThanOrEqualTo(10);

        assertThat(linesOf(dialogueWithLineLimit(limit))).as("at the limit").isEqualTo(whole);

        List<TranscriptLine> over = dialogueWithLineLimit(limit - 1);
        assertThat(over.get(0).direction()).isEqualTo(TranscriptLine.Direction.NOTE);
        assertThat(over.get(0).text()).isEqualTo("(1 earlier lines, " + all.get(0).text().length() + " characters, dropped:"
                + " a transcript keeps about its newest 1 MiB and " + (limit - 1) + " lines)");
        assertThat(linesOf(over.subList(1, over.size()))).as("one over the limit").isEqualTo(whole.subList(1, limit));
    }

    @Test
    void aTranscriptLinesTimesAreWhenTheyWereWritten() {
        Instant before = Instant.now();
        List<TranscriptLine> lines = dialogueWithLineLimit(10); // the greeting and the first NOOP dropped
        Instant after = Instant.now();
        assertThat(lines).extracting(TranscriptLine::time).allSatisfy(time -> assertThat(time).isBetween(before, after))
                .isSorted();
    }

    /**
     * The budget counts each line's characters and a fixed overhead per line: a dialogue that
     * costs exactly the budget keeps every line, one character more drops the oldest line. The
     * costs are taken from the session's own transcript as the dialogue goes.
     */
    @Test
    void aTranscriptKeepsExactlyItsBudgetAndDropsTheOldestLineForOneCharacterMore() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().maxCommandLineLength(20_000).build().start()) {
            String closing;
            try (SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
                smtp.send("QUIT").expect("221 ");
            }
            SmtpSession first = server.sessions().get(0);
            first.awaitEnd(Duration.ofSeconds(5));
            closing = first.transcript().get(first.transcript().size() - 1).text();

            List<TranscriptLine> atBudget = dialogueCosting(server, 1, TRANSCRIPT_BUDGET, closing);
            assertThat(atBudget.get(0).direction()).as("first line at the budget").isEqualTo(TranscriptLine.Direction.SERVER);
            assertThat(cost(atBudget)).isEqualTo(TRANSCRIPT_BUDGET);

            List<TranscriptLine> overBudget = dialogueCosting(server, 2, TRANSCRIPT_BUDGET + 1, closing);
            assertThat(overBudget.get(0).text()).as("the note one character over the budget")
                    .startsWith("(1 earlier lines, " + atBudget.get(0).text().length() + " characters, dropped:");
            assertThat(overBudget.get(1).toString()).isEqualTo("C: NOOP");
        }
    }

    /** Greeting, five NOOPs and QUIT on a server with this transcript line limit; the transcript at the end. */
    private static List<TranscriptLine> dialogueWithLineLimit(int limit) {
        try (FakeSmtpServer server = FakeSmtpServer.builder().transcriptLineLimit(limit).build().start()) {
            try (SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
                for (int i = 1; i <= 5; i++) {
                    smtp.send("NOOP " + i).expect("250 ");
                }
                smtp.send("QUIT").expect("221 ");
            }
            SmtpSession session = server.sessions().get(0);
            assertThat(session.awaitEnd(Duration.ofSeconds(5))).isEqualTo(SessionEnd.QUIT);
            return session.transcript();
        }
    }

    /**
     * Session {@code index}: NOOPs that make its whole transcript, with the QUIT and the
     * {@code closing} reply, cost {@code total}; its transcript at the end.
     */
    private static List<TranscriptLine> dialogueCosting(FakeSmtpServer server, int index, long total, String closing) {
        try (SmtpDialogue smtp = SmtpDialogue.greeted(server)) {
            SmtpSession session = server.sessions().get(index);
            smtp.send("NOOP").expect("250 ");
            List<TranscriptLine> start = session.transcript();
            long noopReply = lineCost(start.get(start.size() - 1).text());
            long left = total - cost(start) - lineCost("QUIT") - lineCost(closing);
            long pair = lineCost("NOOP ") + noopReply; // a NOOP and its reply, without the padding
            long count = (left + pair + 16_000 - 1) / (pair + 16_000); // NOOP lines of at most 16,005 characters
            long padding = left - count * pair;
            for (long i = count; i > 0; i--) {
                long each = padding / i;
                smtp.send("NOOP " + "x".repeat((int) each)).expect("250 ");
                padding -= each;
                left -= pair + each;
            }
            assertThat(left).as("characters left to spend").isZero();
            smtp.send("QUIT").expect("221 ");
            assertThat(session.awaitEnd(Duration.ofSeconds(5))).isEqualTo(SessionEnd.QUIT);
            return session.transcript();
        }
    }

    private static long lineCost(String text) {
        return text.length() + LINE_OVERHEAD;
    }

    private static long cost(List<TranscriptLine> transcript) {
        return transcript.stream().mapToLong(line -> lineCost(line.text())).sum();
    }

    private static List<String> linesOf(List<TranscriptLine> transcript) {
        return transcript.stream().map(TranscriptLine::toString).collect(Collectors.toList());
    }

    /** One session that alternates over-long commands (refused) with NOOPs, then QUITs. */
    private static void floodWithLongLines(FakeSmtpServer server, int longLines) {
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            for (int i = 0; i < longLines; i++) {
                smtp.send(LONG_COMMAND).expect("500 ");
                smtp.send("NOOP").expect("250 ");
            }
            smtp.send("QUIT").expect("221 ");
        }
    }

    private static long characters(List<TranscriptLine> transcript) {
        return transcript.stream().mapToLong(line -> line.text().length()).sum();
    }
}
