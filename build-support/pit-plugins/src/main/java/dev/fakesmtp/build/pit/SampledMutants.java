package dev.fakesmtp.build.pit;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.logging.Logger;
import java.util.zip.CRC32;
import org.pitest.bytecode.analysis.ClassTree;
import org.pitest.mutationtest.build.InterceptorType;
import org.pitest.mutationtest.build.MutationInterceptor;
import org.pitest.mutationtest.engine.Location;
import org.pitest.mutationtest.engine.Mutater;
import org.pitest.mutationtest.engine.MutationDetails;
import org.pitest.mutationtest.engine.MutationIdentifier;

/**
 * Keeps the mutants whose identity (class, method and its descriptor, mutator, instruction
 * indexes) hashes into {@code percent} of a hundred buckets, starting at bucket {@code from}
 * (wrapping past 99). Another {@code from} draws a disjoint sample: the one to measure with after
 * tests were written against the survivors of the first. The identity, not a random
 * draw: two runs of the same code keep the same mutants, so a rerun and the incremental history
 * agree, and a mutant's fate does not depend on which other classes are in the run.
 */
final class SampledMutants implements MutationInterceptor {

    private static final Logger LOG = Logger.getLogger(SampledMutants.class.getName());

    private final int percent;
    private final int from;

    SampledMutants(int percent, int from) {
        this.percent = percent;
        this.from = from;
    }

    @Override
    public InterceptorType type() {
        return InterceptorType.FILTER;
    }

    /** Nothing to keep per class: each mutant names its own class. */
    @Override
    public void begin(ClassTree tree) {
    }

    @Override
    public void end() {
    }

    @Override
    public Collection<MutationDetails> intercept(Collection<MutationDetails> mutations, Mutater mutater) {
        if (percent >= 100) {
            return mutations;
        }
        List<MutationDetails> kept = mutations.stream().filter(this::kept).toList();
        LOG.fine(() -> "SAMPLE: kept " + kept.size() + " of " + mutations.size() + " mutants of "
                + mutations.stream().findFirst().map(MutationDetails::getClassName).orElse(null));
        return kept;
    }

    boolean kept(MutationDetails mutation) {
        return Math.floorMod(bucket(mutation.getId()) - from, 100) < percent;
    }

    /** 0 to 99, the same for the same mutant in every run. */
    static int bucket(MutationIdentifier id) {
        Location location = id.getLocation();
        String identity = location.getClassName().asJavaName() + '#' + location.getMethodName()
                + location.getMethodDesc() + '#' + id.getMutator() + '#' + id.getIndexes();
        CRC32 crc = new CRC32();
        crc.update(identity.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % 100);
    }

    @Override
    public String toString() {
        return "SAMPLE(" + percent + "% from bucket " + from + ")";
    }
}
