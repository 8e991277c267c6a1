package dev.fakesmtp.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.SmtpDialogue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.junit.jupiter.api.Timeout;

/**
 * Model-based protocol tests: random dialogues (valid and invalid commands, pipelined or not,
 * DATA and BDAT, RSET, STARTTLS, AUTH, over-long lines, bare CR and LF, 8-bit octets, the byte
 * stream cut into random segments) played against a real server on a socket, every reply code
 * and every captured message held against an independent RFC model ({@link Model}). A failing
 * dialogue is shrunk to a minimal one ({@link Shrinker}), which the failure shows with the
 * disagreement; {@code -DQT_SEED=<seed>} (in the message) replays the run.
 *
 * <p>The normal build tries {@value #EXAMPLES} dialogues (seconds) from a fixed seed, so that a
 * build fails for a change, never for the draw; {@code -Pdeep} tries many more from a new seed
 * every run ({@code -Dfakesmtp.model.seed=random}), and {@code -Dfakesmtp.model.examples=N} any
 * number.
 */
class ProtocolModelTest {

    private static final int EXAMPLES = 150;
    private static final int MAX_STEPS = 24;
    /** The normal build's seed: its 150 dialogues reach every outcome the tally below asks for. */
    private static final long FIXED_SEED = 20_261_205L;

    @Test
    @Timeout(900)
    void everyReplyAndEveryCapturedMessageIsWhatTheRfcsSay() {
        Tally tally = new Tally();
        int examples = Integer.getInteger("fakesmtp.model.examples", EXAMPLES);
        seeded(qt()).withExamples(examples)
                .withShrinkCycles(0) // the Shrinker below knows what a simpler dialogue is
                .forAll(Dialogues.servers(), Dialogues.steps(MAX_STEPS), Dialogues.cuts())
                .checkAssert((server, steps, cuts) -> {
                    Throwable failure = play(server, steps, cuts, tally, SmtpDialogue.PATIENT_TIMEOUT);
                    if (failure != null) {
                        throw minimal(server, new Shrinker.Failing(steps, cuts, failure));
                    }
                });
        if (examples < EXAMPLES) {
            return; // a short run (PIT's, per mutant) need not reach every outcome; every reply was checked
        }
        // The dialogues got somewhere: messages captured and refused, by DATA and by BDAT.
        assertThat(tally.of("DATA 250")).as("DATA messages captured: %s", tally).isPositive();
        assertThat(tally.of("BDAT LAST 250")).as("BDAT messages captured: %s", tally).isPositive();
        assertThat(tally.of("DATA 550") + tally.of("BDAT LAST 550")).as("messages refused: %s", tally).isPositive();
        assertThat(tally.of("421")).as("connections ended by the server: %s", tally).isPositive();
    }

    /**
     * The fixed seed unless {@code -Dfakesmtp.model.seed} names another ({@code random}: a new one
     * each run) or QuickTheories' own {@code -DQT_SEED} replays a failure.
     */
    private static QuickTheory seeded(QuickTheory theory) {
        String seed = System.getProperty("fakesmtp.model.seed", "");
        if (System.getProperty("QT_SEED") != null || seed.equals("random")) {
            return theory;
        }
        return theory.withFixedSeed(seed.isBlank() ? FIXED_SEED : Long.parseLong(seed.trim()));
    }

    /** Plays one dialogue on a new server; returns what failed, or null. */
    private static Throwable play(ModelServer config, List<Step> steps, List<Integer> cuts, Tally tally,
                                  Duration readTimeout) {
        try (FakeSmtpServer server = config.start()) {
            new DialogueRunner(config, server, cuts, tally, readTimeout).run(steps);
            return null;
        } catch (AssertionError | RuntimeException e) {
            return e;
        }
    }

    private static AssertionError minimal(ModelServer config, Shrinker.Failing failing) {
        // Shrinking replays many dialogues, and one that lost a reply waits for it: a shorter wait there.
        Shrinker shrinker = new Shrinker(candidate -> play(config, candidate.steps(), candidate.cuts(), new Tally(),
                Duration.ofSeconds(3)));
        Shrinker.Failing minimal = shrinker.shrink(failing);
        StringBuilder dialogue = new StringBuilder();
        minimal.steps().forEach(step -> dialogue.append("\n    ").append(step));
        AssertionError error = new AssertionError("Minimal failing dialogue on the " + config + " server (shrunk from "
                + failing.steps().size() + " steps in " + shrinker.replays() + " replays), segments "
                + minimal.cuts() + ":" + dialogue + "\n" + minimal.failure().getMessage(), minimal.failure());
        error.addSuppressed(failing.failure());
        return error;
    }
}
