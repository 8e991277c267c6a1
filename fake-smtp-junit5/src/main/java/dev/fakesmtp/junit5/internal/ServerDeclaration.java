package dev.fakesmtp.junit5.internal;

import dev.fakesmtp.junit5.Report;
import java.lang.reflect.Field;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@code @SmtpServer} declares, before any server exists: a field the user fills, or
 * (without a field) a per-test server with the default configuration.
 *
 * @param name the name a parameter qualifier selects it by ({@code ""}: unnamed)
 * @param origin where it was declared, for messages, e.g. {@code "field SignupTest.smtp"}
 * @param failOnViolations whether this annotation asks that client protocol violations fail the test
 * @param field the annotated field, or null for a class-level (per-test, default) server
 * @param report when a test that uses the server gets a mail report
 * @param webUi whether the server must have the live viewer
 */
public record ServerDeclaration(String name, String origin, boolean failOnViolations, Field field, Report report,
                                boolean webUi) {

    /**
     * Checks that the name, origin and report mode are present.
     *
     * @param name the name a parameter qualifier selects it by
     * @param origin where it was declared, for messages
     * @param failOnViolations whether client protocol violations fail the test
     * @param field the annotated field, or null for a class-level server
     * @param report when a test that uses the server gets a mail report
     * @param webUi whether the server must have the live viewer
     */
    public ServerDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(report, "report");
    }

    /** The annotated field; empty for a class-level declaration. */
    public Optional<Field> annotatedField() {
        return Optional.ofNullable(field);
    }

    /** The name as messages show it: quoted, or "the per-test server" for an unnamed class-level one. */
    public String displayName() {
        return name.isEmpty() ? "the per-test server" : "'" + name + "'";
    }
}
