package dev.fakesmtp.assertj;

import java.util.function.Function;
import java.util.function.Supplier;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * The base of this package's assertions: moves from one object to another ("the single
 * message", "its attachment") and keeps soft assertions soft across the move. AssertJ's soft
 * proxies only follow its own navigation methods, so an assert made for soft assertions
 * remembers its collector and hands the next assert a proxy of the same collector.
 */
abstract class NavigatingAssert<SELF extends NavigatingAssert<SELF, ACTUAL>, ACTUAL> extends AbstractAssert<SELF, ACTUAL> {

    // Set only on asserts created for soft assertions.
    private SoftAssertionsProvider softly;

    NavigatingAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** Makes this assert's navigation collect into these soft assertions. */
    SELF collectingInto(SoftAssertionsProvider provider) {
        this.softly = provider;
        return myself;
    }

    /**
     * An assert on what {@code lookup} finds, with this assert's description. The lookup fails
     * with an {@link AssertionError} when there is nothing to navigate to; in soft assertions
     * that error is collected, and the returned assert (on null) reports what cannot be checked.
     */
    <T, A extends NavigatingAssert<A, T>> A navigate(Supplier<T> lookup, Class<A> assertType, Class<T> actualType,
            Function<T, A> factory) {
        if (softly == null) {
            return extracting(ignored -> lookup.get(), factory::apply);
        }
        T found = null;
        try {
            isNotNull();
            found = lookup.get();
        } catch (AssertionError e) {
            softly.collectAssertionError(e);
        }
        A next = softly.proxy(assertType, actualType, found).collectingInto(softly);
        if (info.hasDescription()) {
            next.as(info.description());
        }
        return next;
    }
}
