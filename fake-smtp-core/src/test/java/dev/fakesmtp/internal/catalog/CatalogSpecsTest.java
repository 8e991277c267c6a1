package dev.fakesmtp.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.FailureCase;
import dev.fakesmtp.FailureCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's construction. {@link FailureCatalog} builds it once, when its class is first
 * used, so a fault in the builders would only ever show in the first test of a JVM; this test
 * builds it again through {@link Catalog#specs()}, the one place it is made, and compares the
 * result with what users get.
 */
class CatalogSpecsTest {

    @Test
    void buildingTheCatalogueAgainGivesEveryCaseWithAllItsParts() {
        List<CaseSpec> specs = Catalog.specs();
        List<FailureCase> published = FailureCatalog.all();

        assertThat(specs).extracting(CaseSpec::id).containsExactlyElementsOf(published.stream().map(FailureCase::id).toList());
        for (int i = 0; i < specs.size(); i++) {
            CaseSpec spec = specs.get(i);
            FailureCase failure = published.get(i);
            assertThat(spec.stage()).as(spec.id()).isEqualTo(failure.stage());
            assertThat(spec.kind()).as(spec.id()).isEqualTo(failure.kind());
            assertThat(spec.reaction()).as(spec.id()).isEqualTo(failure.reaction());
            assertThat(spec.description()).as(spec.id()).isEqualTo(failure.description());
            assertThat(spec.rfc()).as(spec.id()).isEqualTo(failure.rfc());
            assertThat(spec.source()).as(spec.id()).isEqualTo(failure.source());
            assertThat(spec.title()).as(spec.id()).isNotBlank();
            assertThat(failure.displayName()).as(spec.id()).contains(spec.title());
            assertThat(java.util.Optional.ofNullable(spec.reply())).as(spec.id()).isEqualTo(failure.reply());
        }
    }
}
