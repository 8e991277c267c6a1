package dev.fakesmtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakesmtp.internal.catalog.Catalog;
import dev.fakesmtp.internal.catalog.CaseSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import org.junit.jupiter.api.Test;

/**
 * The equals/hashCode contracts of the public value types: users put replies, failure cases,
 * recipients and the like in sets and map keys, and compare them in assertions.
 */
class ValueContractsTest {

    @Test
    void smtpReplyIsEqualByCodeEnhancedCodeAndLines() {
        // NULL_FIELDS: the constructor and the factories refuse null for every field, so equals
        // need not handle it. Otherwise the full check: final class, final fields, all in equals.
        EqualsVerifier.forClass(SmtpReply.class).suppress(Warning.NULL_FIELDS).verify();

        assertThat(SmtpReply.of(550, "5.1.1 No such user")).isEqualTo(SmtpReply.of(550, "5.1.1", "No such user"))
                .hasSameHashCodeAs(SmtpReply.of(550, "5.1.1", "No such user"))
                .isNotEqualTo(SmtpReply.of(550, "No such user"))
                .isNotEqualTo(SmtpReply.of(551, "5.1.1 No such user"));
    }

    @Test
    void failureCaseIsEqualByItsId() {
        List<CaseSpec> specs = Catalog.specs();
        // The only field is the catalogue's spec; its prefab values are two real cases. Equality is
        // by the spec's id alone (the documented "equal when the ids are"), so the spec's other
        // parts may differ between equal cases: that is not a field EqualsVerifier can see, hence
        // the check below with a changed description.
        EqualsVerifier.forClass(FailureCase.class)
                .withPrefabValues(CaseSpec.class, specs.get(0), specs.get(1))
                // The package-private constructor only ever gets a catalogue spec, never null.
                .suppress(Warning.NULL_FIELDS)
                .verify();

        CaseSpec spec = specs.get(0);
        CaseSpec reworded = new CaseSpec(spec.id(), spec.stage(), spec.kind(), spec.reaction(), spec.title(),
                "another description", spec.rfc(), spec.source(), spec.reply(), spec.requirement(), spec.installer());
        assertThat(new FailureCase(reworded)).isEqualTo(new FailureCase(spec)).hasSameHashCodeAs(new FailureCase(spec));

        Set<FailureCase> distinct = new HashSet<>(FailureCatalog.all());
        distinct.addAll(FailureCatalog.all());
        assertThat(distinct).hasSameSizeAs(FailureCatalog.all());
    }

    @Test
    void recordsAreEqualByAllTheirComponents() {
        // Records: equals/hashCode are the generated ones. NULL_FIELDS: the canonical constructors
        // refuse null for the required components, so EqualsVerifier cannot build the null
        // instances it would otherwise try (the optional ones, such as a secret, may be null and
        // the generated equals handles that).
        EqualsVerifier.forClass(Authentication.class).suppress(Warning.NULL_FIELDS).verify();
        EqualsVerifier.forClass(Recipient.class).suppress(Warning.NULL_FIELDS).verify();
        EqualsVerifier.forClass(TlsInfo.class).suppress(Warning.NULL_FIELDS).verify();
        EqualsVerifier.forClass(Violation.class).suppress(Warning.NULL_FIELDS).verify();
        EqualsVerifier.forClass(TranscriptLine.class).suppress(Warning.NULL_FIELDS).verify();

        assertThat(new Recipient("bob@example.com", Map.of("NOTIFY", "NEVER")))
                .isEqualTo(new Recipient("bob@example.com", Map.of("NOTIFY", "NEVER")))
                .isNotEqualTo(Recipient.of("bob@example.com"));
    }
}
