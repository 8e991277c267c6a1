package dev.fakesmtp.internal.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The catalogue's cases in dialogue order, checked once: ids unique and well formed. */
public final class Catalog {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Catalog() {
    }

    /**
     * Every case, in dialogue order.
     *
     * @return the cases
     * @throws IllegalStateException if an id is malformed or repeated (a bug in the catalogue)
     */
    public static List<CaseSpec> specs() {
        List<CaseSpec> all = new ArrayList<>();
        all.addAll(ConnectionCases.all());
        all.addAll(SecurityCases.all());
        all.addAll(EnvelopeCases.all());
        all.addAll(ContentCases.all());
        Set<String> ids = new HashSet<>();
        for (CaseSpec spec : all) {
            if (!ID.matcher(spec.id()).matches() || !ids.add(spec.id())) {
                throw new IllegalStateException("Bad or repeated failure case id: " + spec.id());
            }
        }
        return List.copyOf(all);
    }
}
