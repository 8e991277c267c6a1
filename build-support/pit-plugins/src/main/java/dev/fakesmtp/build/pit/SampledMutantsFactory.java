package dev.fakesmtp.build.pit;

import org.pitest.mutationtest.build.InterceptorParameters;
import org.pitest.mutationtest.build.MutationInterceptor;
import org.pitest.mutationtest.build.MutationInterceptorFactory;
import org.pitest.plugin.Feature;
import org.pitest.plugin.FeatureParameter;

/**
 * The PIT feature {@code SAMPLE}: keeps a fixed, reproducible share of the mutants
 * ({@code +SAMPLE(percent[10] from[0])}), chosen by a hash of each mutant's identity, so a whole-module
 * score can be estimated in a fraction of a full run (the "mutation" profile's
 * {@code fakesmtp.pit.samplePercent}, 100 by default: every mutant). The report's score is then an
 * estimate over a uniform sample; the README gives it with its confidence interval.
 */
public final class SampledMutantsFactory implements MutationInterceptorFactory {

    private static final FeatureParameter PERCENT = FeatureParameter.named("percent")
            .withDescription("the share of mutants kept, 1 to 100");

    private static final FeatureParameter FROM = FeatureParameter.named("from")
            .withDescription("the first of the hash buckets kept, 0 to 99 (default 0)");

    @Override
    public MutationInterceptor createInterceptor(InterceptorParameters params) {
        int percent = number(params, PERCENT, "100", 1, 100);
        int from = number(params, FROM, "0", 0, 99);
        return new SampledMutants(percent, from);
    }

    private static int number(InterceptorParameters params, FeatureParameter parameter,
            String absent, int min, int max) {
        String text = params.getString(parameter).orElse(absent);
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "SAMPLE's " + parameter.name() + " is not a number: " + text, e);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("SAMPLE's " + parameter.name() + " must be "
                    + min + " to " + max + ", was " + value);
        }
        return value;
    }

    @Override
    public Feature provides() {
        return Feature.named("SAMPLE")
                .withOnByDefault(false)
                .withDescription(description())
                .withParameter(PERCENT)
                .withParameter(FROM);
    }

    @Override
    public String description() {
        return "Keeps a reproducible share of the mutants, to estimate a score quickly";
    }
}
