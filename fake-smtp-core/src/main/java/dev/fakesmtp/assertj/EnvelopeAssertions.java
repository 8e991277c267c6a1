package dev.fakesmtp.assertj;

import dev.fakesmtp.Authentication;
import dev.fakesmtp.ReceivedMail;
import dev.fakesmtp.TlsInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The envelope half of {@link ReceivedMailAssert}: sender, recipients, and how the message
 * travelled (TLS, AUTH), plus the failure helpers both halves share.
 */
abstract class EnvelopeAssertions<SELF extends EnvelopeAssertions<SELF>> extends NavigatingAssert<SELF, ReceivedMail> {

    EnvelopeAssertions(ReceivedMail actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /**
     * The envelope sender ({@code MAIL FROM}) is this address, ignoring case; {@code ""} for {@code <>}.
     *
     * @param address the expected reverse-path
     * @return this assertion object, for chaining
     */
    public SELF hasEnvelopeSender(String address) {
        isNotNull();
        String sender = actual.envelope().mailFrom();
        if (!sender.equalsIgnoreCase(address)) {
            mismatch("envelope sender", "<" + address + ">", "<" + sender + ">");
        }
        return myself;
    }

    /**
     * The envelope recipients ({@code RCPT TO}) are exactly these, in any order, ignoring case.
     *
     * @param addresses the expected recipients, in order
     * @return this assertion object, for chaining
     */
    public SELF hasEnvelopeRecipients(String... addresses) {
        isNotNull();
        return sameAddresses("envelope recipients", actual.envelope().recipients(), addresses);
    }

    /**
     * The envelope recipients include this address, ignoring case.
     *
     * @param address the expected recipient
     * @return this assertion object, for chaining
     */
    public SELF hasEnvelopeRecipient(String address) {
        isNotNull();
        List<String> recipients = actual.envelope().recipients();
        if (recipients.stream().noneMatch(address::equalsIgnoreCase)) {
            fail("Expecting the envelope recipients of the message " + summary() + " to include <" + address
                    + ">, but they are " + recipients);
        }
        return myself;
    }

    /**
     * The message came over TLS (STARTTLS or implicit).
     *
     * @return this assertion object, for chaining
     */
    public SELF wasSentOverTls() {
        isNotNull();
        if (actual.envelope().tls().isEmpty()) {
            fail("Expecting the message " + summary() + " to have been sent over TLS, but its session was plain text.");
        }
        return myself;
    }

    /**
     * The message came over TLS with this protocol version, e.g. {@code "TLSv1.3"}.
     *
     * @param protocol the expected protocol, e.g. {@code "TLSv1.3"}
     * @return this assertion object, for chaining
     */
    public SELF wasSentOverTls(String protocol) {
        wasSentOverTls();
        String used = actual.envelope().tls().map(TlsInfo::protocol).orElseThrow();
        if (!used.equals(protocol)) {
            mismatch("TLS protocol", protocol, used);
        }
        return myself;
    }

    /**
     * The message came over a plain-text connection.
     *
     * @return this assertion object, for chaining
     */
    public SELF wasNotSentOverTls() {
        isNotNull();
        Optional<TlsInfo> tls = actual.envelope().tls();
        if (tls.isPresent()) {
            fail("Expecting the message " + summary() + " to have been sent in plain text, but it came over " + tls.get());
        }
        return myself;
    }

    /**
     * The client authenticated (AUTH) as this user before sending the message.
     *
     * @param user the expected user
     * @return this assertion object, for chaining
     */
    public SELF hasAuthenticatedUser(String user) {
        isNotNull();
        Optional<Authentication> authentication = actual.envelope().authentication();
        if (authentication.isEmpty() || !authentication.get().user().equals(user)) {
            mismatch("authenticated user", Summaries.quote(user),
                    authentication.map(auth -> Summaries.quote(auth.user()) + " (" + auth + ")").orElse("(no AUTH)"));
        }
        return myself;
    }

    /**
     * The client sent the message without authenticating.
     *
     * @return this assertion object, for chaining
     */
    public SELF wasNotAuthenticated() {
        isNotNull();
        Optional<Authentication> authentication = actual.envelope().authentication();
        if (authentication.isPresent()) {
            fail("Expecting the message " + summary() + " to have been sent without AUTH, but the client authenticated"
                    + " as " + authentication.get());
        }
        return myself;
    }

    /** Fails unless the addresses are the expected ones, in any order, ignoring case. */
    SELF sameAddresses(String what, List<String> actualAddresses, String... expected) {
        if (!sorted(lower(actualAddresses)).equals(sorted(lower(Arrays.asList(expected))))) {
            failWithActualExpectedAndMessage(actualAddresses, Arrays.asList(expected), "%s", "Expecting the " + what
                    + " of the message " + summary() + " to be " + Arrays.asList(expected) + " (in any order), but it is "
                    + actualAddresses);
        }
        return myself;
    }

    /** Fails with the expected and actual values side by side (and for IDE diffs). */
    void mismatch(String what, String expected, String actualValue) {
        failWithActualExpectedAndMessage(actualValue, expected, "%s", "Expecting the " + what + " of the message "
                + summary() + "\n  to be: " + expected + "\n  but was: " + actualValue);
    }

    /** The message as failure messages name it. */
    String summary() {
        return Summaries.mail(actual);
    }

    /** Fails with exactly this message (no formatting: it may contain '%'). */
    void fail(String message) {
        failWithMessage("%s", message);
    }

    /** The values in lower case. */
    static List<String> lower(List<String> values) {
        return values.stream().map(value -> value.toLowerCase(Locale.ROOT)).collect(Collectors.toList());
    }

    /** The values sorted. */
    static List<String> sorted(List<String> values) {
        return values.stream().sorted().collect(Collectors.toList());
    }
}
