package dev.fakesmtp.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.SessionEnd;
import dev.fakesmtp.SmtpSession;
import dev.fakesmtp.TranscriptLine;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
