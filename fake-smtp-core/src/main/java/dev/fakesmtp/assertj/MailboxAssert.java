package dev.fakesmtp.assertj;

import dev.fakesmtp.Mailbox;
import dev.fakesmtp.MailboxTimeoutError;
import dev.fakesmtp.ReceivedMail;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.assertj.core.api.Condition;

/**
 * Assertions on a {@link Mailbox}. Each one looks at a fresh snapshot, and every failure lists
 * the messages that did arrive; with a {@link MailMatcher} it also shows the closest one and
 * how it differs. Await methods wait for mail that is still on its way.
 *
 * <pre>{@code
 * assertThat(smtp.mailbox()).awaitMessages(1, Duration.ofSeconds(5))
 *         .hasMessage(mail().to("bob@example.com").subject("Welcome"));
 * assertThat(smtp.mailbox()).singleMessage().hasSubject("Welcome");
 * }</pre>
 */
public class MailboxAssert extends NavigatingAssert<MailboxAssert, Mailbox> {

    /**
     * Assertions on this mailbox; usually through {@link FakeSmtpAssertions#assertThat(Mailbox)}.
     *
     * @param actual the mailbox under test
     */
    public MailboxAssert(Mailbox actual) {
        super(actual, MailboxAssert.class);
    }

    /**
     * The mailbox holds exactly this many messages.
     *
     * @param expected the expected number of messages
     * @return this assertion object, for chaining
     */
    public MailboxAssert hasSize(int expected) {
        List<ReceivedMail> messages = snapshot();
        if (messages.size() != expected) {
            fail("Expecting the mailbox to have " + Summaries.count(expected, "message") + ", but "
                    + Summaries.contents(messages));
        }
        return myself;
    }

    /**
     * The mailbox holds no message.
     *
     * @return this assertion object, for chaining
     */
    public MailboxAssert isEmpty() {
        return hasSize(0);
    }

    /**
     * The mailbox holds at least one message.
     *
     * @return this assertion object, for chaining
     */
    public MailboxAssert isNotEmpty() {
        if (snapshot().isEmpty()) {
            fail("Expecting the mailbox to have messages, but it is empty.");
        }
        return myself;
    }

    /**
     * At least one message matches; the failure shows the closest one for a {@link MailMatcher}.
     *
     * @param condition a {@link MailMatcher} or any AssertJ condition
     * @return this assertion object, for chaining
     */
    public MailboxAssert hasMessage(Condition<? super ReceivedMail> condition) {
        Objects.requireNonNull(condition, "condition");
        List<ReceivedMail> messages = snapshot();
        if (messages.stream().noneMatch(condition::matches)) {
            fail("Expecting the mailbox to have " + describe(condition) + "\n"
                    + ClosestMatch.explain(messages, condition));
        }
        return myself;
    }

    /**
     * Shortcut for {@code hasMessage(mail().to(address))}: a message to this envelope recipient.
     *
     * @param address an envelope recipient
     * @return this assertion object, for chaining
     */
    public MailboxAssert hasMessageTo(String address) {
        return hasMessage(MailMatcher.mail().to(address));
    }

    /**
     * Shortcut for {@code hasMessage(mail().subject(subject))}.
     *
     * @param subject the exact subject
     * @return this assertion object, for chaining
     */
    public MailboxAssert hasMessageWithSubject(String subject) {
        return hasMessage(MailMatcher.mail().subject(subject));
    }

    /**
     * No message matches.
     *
     * @param condition a {@link MailMatcher} or any AssertJ condition
     * @return this assertion object, for chaining
     */
    public MailboxAssert hasNoMessage(Condition<? super ReceivedMail> condition) {
        Objects.requireNonNull(condition, "condition");
        List<ReceivedMail> matching = snapshot().stream().filter(condition::matches).collect(Collectors.toList());
        if (!matching.isEmpty()) {
            fail("Expecting the mailbox to have no " + describe(condition).replaceFirst("^a ", "") + ", but "
                    + Summaries.count(matching.size(), "message") + " matched:" + Summaries.list(matching));
        }
        return myself;
    }

    /**
     * Every condition is met by some message (in any order; other messages may be there too).
     *
     * @param conditions {@link MailMatcher}s or any AssertJ conditions
     * @return this assertion object, for chaining
     */
    @SafeVarargs
    public final MailboxAssert hasMessages(Condition<? super ReceivedMail>... conditions) {
        // Copied element by element: the generic varargs array must not escape this method.
        List<Condition<? super ReceivedMail>> list = new ArrayList<>(conditions.length);
        for (Condition<? super ReceivedMail> condition : conditions) {
            list.add(Objects.requireNonNull(condition, "condition"));
        }
        return hasMessagesForProxy(list);
    }

    /**
     * {@link #hasMessages} for soft assertions, which cannot intercept the final varargs method
     * (AssertJ's own naming convention).
     *
     * @param conditions {@link MailMatcher}s or any AssertJ conditions
     * @return this assertion object, for chaining
     */
    protected MailboxAssert hasMessagesForProxy(List<Condition<? super ReceivedMail>> conditions) {
        for (Condition<? super ReceivedMail> condition : conditions) {
            hasMessage(condition);
        }
        return myself;
    }

    /**
     * Exactly these messages, in arrival order: message {@code i} meets condition {@code i}.
     *
     * @param conditions {@link MailMatcher}s or any AssertJ conditions
     * @return this assertion object, for chaining
     */
    @SafeVarargs
    public final MailboxAssert hasExactlyMessages(Condition<? super ReceivedMail>... conditions) {
        // Copied element by element: the generic varargs array must not escape this method.
        List<Condition<? super ReceivedMail>> list = new ArrayList<>(conditions.length);
        for (Condition<? super ReceivedMail> condition : conditions) {
            list.add(Objects.requireNonNull(condition, "condition"));
        }
        return hasExactlyMessagesForProxy(list);
    }

    /**
     * {@link #hasExactlyMessages} for soft assertions (see {@link #hasMessagesForProxy}).
     *
     * @param conditions {@link MailMatcher}s or any AssertJ conditions
     * @return this assertion object, for chaining
     */
    protected MailboxAssert hasExactlyMessagesForProxy(List<Condition<? super ReceivedMail>> conditions) {
        List<ReceivedMail> messages = snapshot();
        if (messages.size() != conditions.size()) {
            fail("Expecting the mailbox to have exactly " + Summaries.count(conditions.size(), "message")
                    + ", but " + Summaries.contents(messages));
        }
        for (int i = 0; i < conditions.size(); i++) {
            Condition<? super ReceivedMail> condition = conditions.get(i);
            if (!condition.matches(messages.get(i))) {
                String why = condition instanceof MailMatcher
                        ? ClosestMatch.differences(i + 1, messages.get(i), (MailMatcher) condition) : "";
                fail("Expecting message " + (i + 1) + " to be " + describe(condition) + ", but it is not; "
                        + Summaries.contents(messages) + (why.isEmpty() ? "" : "\n\n" + why.replace("Closest match: m", "M")));
            }
        }
        return myself;
    }

    /**
     * Every message matches (and there is at least one).
     *
     * @param condition a {@link MailMatcher} or any AssertJ condition
     * @return this assertion object, for chaining
     */
    public MailboxAssert allMessagesMatch(Condition<? super ReceivedMail> condition) {
        isNotEmpty();
        List<ReceivedMail> messages = snapshot();
        for (int i = 0; i < messages.size(); i++) {
            if (!condition.matches(messages.get(i))) {
                fail("Expecting every message to be " + describe(condition) + ", but message " + (i + 1) + " is not; "
                        + Summaries.contents(messages));
            }
        }
        return myself;
    }

    /** {@return the only message, for further assertions; fails unless there is exactly one} */
    public ReceivedMailAssert singleMessage() {
        return toMessage(() -> {
            List<ReceivedMail> messages = snapshot();
            if (messages.size() != 1) {
                fail("Expecting the mailbox to have a single message, but " + Summaries.contents(messages));
            }
            return messages.get(0);
        });
    }

    /**
     * The message at this 0-based position in arrival order, for further assertions.
     *
     * @param index the position, from 0
     * @return the message at this 0-based position in arrival order, for further assertions
     */
    public ReceivedMailAssert messageAt(int index) {
        return toMessage(() -> {
            List<ReceivedMail> messages = snapshot();
            if (index < 0 || index >= messages.size()) {
                fail("Expecting a message at index " + index + ", but " + Summaries.contents(messages));
            }
            return messages.get(index);
        });
    }

    /**
     * The one message to this envelope recipient, for further assertions.
     *
     * @param address an envelope recipient
     * @return the one message to this envelope recipient, for further assertions
     */
    public ReceivedMailAssert messageTo(String address) {
        return messageMatching(MailMatcher.mail().to(address));
    }

    /**
     * The one message that matches, for further assertions; fails if none or several match.
     *
     * @param condition a {@link MailMatcher} or any AssertJ condition
     * @return the one message that matches, for further assertions
     */
    public ReceivedMailAssert messageMatching(Condition<? super ReceivedMail> condition) {
        Objects.requireNonNull(condition, "condition");
        return toMessage(() -> {
            List<ReceivedMail> messages = snapshot();
            List<ReceivedMail> matching = messages.stream().filter(condition::matches).collect(Collectors.toList());
            if (matching.isEmpty()) {
                fail("Expecting the mailbox to have " + describe(condition) + "\n"
                        + ClosestMatch.explain(messages, condition));
            }
            if (matching.size() > 1) {
                fail("Expecting one message to be " + describe(condition) + ", but " + matching.size() + " matched:"
                        + Summaries.list(matching) + "\nNarrow the condition, or use messageAt(index).");
            }
            return matching.get(0);
        });
    }

    /**
     * Waits until at least {@code count} messages arrived; fails after {@code timeout} listing what came.
     *
     * @param count how many messages to wait for
     * @param timeout how long to wait at most
     * @return this assertion object, for chaining
     */
    public MailboxAssert awaitMessages(int count, Duration timeout) {
        isNotNull();
        try {
            actual.awaitMessages(count, timeout);
        } catch (MailboxTimeoutError e) {
            throw failureCausedBy(e, "Expecting the mailbox to receive " + Summaries.count(count, "message")
                    + " within " + timeout + ", but " + Summaries.contents(actual.messages()));
        }
        return myself;
    }

    /**
     * Waits for a message that matches (one already there counts), for further assertions.
     *
     * @param condition a {@link MailMatcher} or any AssertJ condition
     * @param timeout how long to wait at most
     * @return assertions on the first message that matches
     */
    public ReceivedMailAssert awaitMessage(Condition<? super ReceivedMail> condition, Duration timeout) {
        Objects.requireNonNull(condition, "condition");
        return toMessage(() -> {
            try {
                return actual.awaitMessage(condition::matches, timeout);
            } catch (MailboxTimeoutError e) {
                throw failureCausedBy(e, "Expecting the mailbox to receive " + describe(condition) + " within "
                        + timeout + ",\n" + ClosestMatch.explain(actual.messages(), condition));
            }
        });
    }

    /**
     * Waits for a message to this envelope recipient, for further assertions.
     *
     * @param address an envelope recipient
     * @param timeout how long to wait at most
     * @return assertions on the first message to that recipient
     */
    public ReceivedMailAssert awaitMessageTo(String address, Duration timeout) {
        return awaitMessage(MailMatcher.mail().to(address), timeout);
    }

    private ReceivedMailAssert toMessage(Supplier<ReceivedMail> lookup) {
        return navigate(lookup, ReceivedMailAssert.class, ReceivedMail.class, ReceivedMailAssert::new);
    }

    /** A matcher describes itself ("a message with ..."); any other condition is quoted. */
    private static String describe(Condition<? super ReceivedMail> condition) {
        return condition instanceof MailMatcher ? condition.toString() : "a message matching <" + condition + ">";
    }

    private List<ReceivedMail> snapshot() {
        isNotNull();
        return actual.messages();
    }

    private void fail(String message) {
        failWithMessage("%s", message);
    }

    /** A failure whose cause is the mailbox's own timeout error, which ends with the last transcript. */
    private AssertionError failureCausedBy(MailboxTimeoutError cause, String message) {
        AssertionError error = failure("%s", message);
        if (error.getCause() == null) {
            error.initCause(cause);
        }
        return error;
    }
}
