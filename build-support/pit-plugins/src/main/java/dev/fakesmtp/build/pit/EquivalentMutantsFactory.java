package dev.fakesmtp.build.pit;

import java.nio.file.Path;
import org.pitest.mutationtest.build.InterceptorParameters;
import org.pitest.mutationtest.build.MutationInterceptor;
import org.pitest.mutationtest.build.MutationInterceptorFactory;
import org.pitest.plugin.Feature;
import org.pitest.plugin.FeatureParameter;

/**
 * The PIT feature {@code EQUIVALENTS}: leaves out the mutants that a reviewed file lists as
 * equivalent, one entry per mutant with the reason no test can tell it from the original
 * (format: {@link EquivalentMutants}). Turned on in the "mutation" profile with
 * {@code +EQUIVALENTS(file[path/to/equivalent-mutants.txt])}.
 */
public final class EquivalentMutantsFactory implements MutationInterceptorFactory {

    private static final FeatureParameter FILE = FeatureParameter.named("file")
            .withDescription("the file that lists the equivalent mutants");

    @Override
    public MutationInterceptor createInterceptor(InterceptorParameters params) {
        Path file = params.getString(FILE).map(Path::of)
                .orElseThrow(() -> new IllegalArgumentException("EQUIVALENTS needs a file: +EQUIVALENTS(file[path])"));
        return new EquivalentMutants(EquivalentMutants.Entry.parse(file), params.data().getSourcePaths());
    }

    @Override
    public Feature provides() {
        return Feature.named("EQUIVALENTS")
                .withOnByDefault(false)
                .withDescription(description())
                .withParameter(FILE);
    }

    @Override
    public String description() {
        return "Leaves out the mutants a reviewed file lists as equivalent, each with its reason";
    }
}
