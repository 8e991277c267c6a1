package dev.fakesmtp.build.pit;

import org.pitest.mutationtest.build.InterceptorParameters;
import org.pitest.mutationtest.build.MutationInterceptor;
import org.pitest.mutationtest.build.MutationInterceptorFactory;
import org.pitest.plugin.Feature;
import org.pitest.plugin.FeatureParameter;

/**
 * The PIT feature {@code SAMPLE}: keeps a fixed, reproducible share of the mutants
 * ({@code +SAMPLE(percent[10])}), chosen by a hash of each mutant's identity, so a whole-module
 * score can be estimated in a fraction of a full run (the "mutation" profile's
 * {@code fakesmtp.pit.samplePercent}, 100 by default: every mutant). The report's score is then an
 * estimate over a uniform sample; the README gives it with its confidence interval.
 */
public final class SampledMutantsFactory implements MutationInterceptorFactory {

    private static final FeatureParameter PERCENT = FeatureParameter.named("percent")
            .withDescription("the share of mutants kept, 1 to 100");

    @Override
    public MutationInterceptor createInterceptor(InterceptorParameters params) {
        String text = params.getString(PERCENT).orElse("100");
        int percent;
        try {
            percent = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SAMPLE's percent is not a number: " + text, e);
        }
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("SAMPLE's percent must be 1 to 100, was " + percent);
        }
        return new SampledMutants(percent);
    }

    @Override
    public Feature provides() {
        return Feature.named("SAMPLE")
                .withOnByDefault(false)
                .withDescription(description())
                .withParameter(PERCENT);
    }

    @Override
    public String description() {
        return "Keeps a reproducible share of the mutants, to estimate a score quickly";
    }
}
