package dev.fakesmtp;

import dev.fakesmtp.internal.catalog.Catalog;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every way delivering a mail can fail, as data: refusals at each command with the replies real
 * servers send (4xx and 5xx), dropped and reset connections at each stage, replies that come too
 * late, TLS and AUTH failures. Write one test of what your client should do, and run it against
 * each case (the JUnit extension's {@code @SmtpFailureMatrix} does that for you).
 *
 * <pre>{@code
 * for (FailureCase failure : FailureCatalog.all()) {
 *     try (FakeSmtpServer smtp = FakeSmtpServer.builder().build().start()) {
 *         failure.applyTo(smtp);
 *         // run the client, then assert what it did by failure.kind() and failure.reaction()
 *     }
 * }
 * }</pre>
 */
public final class FailureCatalog {

    private static final List<FailureCase> ALL = Catalog.specs().stream().map(FailureCase::new).toList();

    private FailureCatalog() {
    }

    /**
     * Every case, grouped by stage in dialogue order.
     *
     * @return an immutable list
     */
    public static List<FailureCase> all() {
        return ALL;
    }

    /**
     * The cases of these kinds, in catalogue order.
     *
     * @param kinds one or more kinds
     * @return an immutable list
     */
    public static List<FailureCase> of(FailureKind... kinds) {
        Set<FailureKind> wanted = Set.copyOf(requireSome("kind", Arrays.asList(kinds)));
        return ALL.stream().filter(failure -> wanted.contains(failure.kind())).toList();
    }

    /**
     * The cases that hit these stages, in catalogue order.
     *
     * @param stages one or more stages
     * @return an immutable list
     */
    public static List<FailureCase> at(FailureStage... stages) {
        Set<FailureStage> wanted = Set.copyOf(requireSome("stage", Arrays.asList(stages)));
        return ALL.stream().filter(failure -> wanted.contains(failure.stage())).toList();
    }

    /**
     * The case with this id.
     *
     * @param id e.g. {@code "rcpt-550-user-unknown"}
     * @return the case
     * @throws IllegalArgumentException if there is none; the message lists the ids
     */
    public static FailureCase byId(String id) {
        Objects.requireNonNull(id, "id");
        return ALL.stream().filter(failure -> failure.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No failure case has the id '" + id + "'. The ids: "
                        + ALL.stream().map(FailureCase::id).collect(Collectors.joining(", "))));
    }

    private static <T> List<T> requireSome(String what, List<T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Name at least one " + what);
        }
        values.forEach(value -> Objects.requireNonNull(value, what));
        return values;
    }
}
