package dev.fakesmtp.assertj;

import dev.fakesmtp.ReceivedMail;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.assertj.core.api.Condition;

/**
 * What an expected message looks like, criterion by criterion. Because it knows its criteria,
 * a mailbox assertion that finds no match can show the closest message and exactly where it
 * differs. Immutable: each method returns a new matcher. It is an AssertJ {@link Condition},
 * so it also works with {@code have(...)}, {@code areAtLeastOne(...)} and the like.
 *
 * <pre>{@code
 * assertThat(smtp.mailbox()).hasMessage(mail().to("bob@example.com").subject("Your order"));
 * }</pre>
 */
public class MailMatcher extends Condition<ReceivedMail> {

    private final List<Criterion> criteria;

    private MailMatcher(List<Criterion> criteria) {
        super(criteria.isEmpty() ? "any message"
                : "a message with " + criteria.stream().map(Criterion::describe).collect(Collectors.joining(", ")));
        this.criteria = List.copyOf(criteria);
    }

    /**
     * A matcher that every message matches; add criteria to it.
     *
     * @return this matcher, for chaining
     */
    public static MailMatcher mail() {
        return new MailMatcher(List.of());
    }

    /**
     * The envelope sender ({@code MAIL FROM}) is this address, ignoring case.
     *
     * @param address the envelope sender
     * @return this matcher, for chaining
     */
    public MailMatcher from(String address) {
        Objects.requireNonNull(address, "address");
        return with("sender", "<" + address + ">", mail -> "<" + mail.envelope().mailFrom() + ">",
                mail -> mail.envelope().mailFrom().equalsIgnoreCase(address));
    }

    /**
     * The envelope has this recipient ({@code RCPT TO}: To, Cc and Bcc alike), ignoring case.
     *
     * @param address an envelope recipient
     * @return this matcher, for chaining
     */
    public MailMatcher to(String address) {
        Objects.requireNonNull(address, "address");
        return with("recipient", "<" + address + ">", mail -> String.valueOf(mail.envelope().recipients()),
                mail -> mail.envelope().recipients().stream().anyMatch(address::equalsIgnoreCase));
    }

    /**
     * The decoded subject is exactly this.
     *
     * @param subject the exact subject
     * @return this matcher, for chaining
     */
    public MailMatcher subject(String subject) {
        Objects.requireNonNull(subject, "subject");
        return with("subject", Summaries.quote(subject), Summaries::subject,
                mail -> subject.equals(mail.subject()));
    }

    /**
     * The decoded subject contains this text.
     *
     * @param text what the subject contains
     * @return this matcher, for chaining
     */
    public MailMatcher subjectContaining(String text) {
        Objects.requireNonNull(text, "text");
        return with("subject", "containing " + Summaries.quote(text), Summaries::subject,
                mail -> mail.subject() != null && mail.subject().contains(text));
    }

    /**
     * The text body contains this text (line endings compared as {@code \n}).
     *
     * @param text what the text body contains
     * @return this matcher, for chaining
     */
    public MailMatcher textContaining(String text) {
        Objects.requireNonNull(text, "text");
        return with("text body", "containing " + Summaries.quote(text), mail -> Texts.preview(mail.text()),
                mail -> Texts.contains(mail.text(), text));
    }

    /**
     * The HTML body contains this text (line endings compared as {@code \n}).
     *
     * @param text what the HTML body contains
     * @return this matcher, for chaining
     */
    public MailMatcher htmlContaining(String text) {
        Objects.requireNonNull(text, "text");
        return with("HTML body", "containing " + Summaries.quote(text), mail -> Texts.preview(mail.html()),
                mail -> Texts.contains(mail.html(), text));
    }

    /**
     * A header with this name has exactly this decoded value (one of its values, if repeated).
     *
     * @param name the header name
     * @param value the header's decoded value
     * @return this matcher, for chaining
     */
    public MailMatcher header(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        return with("header " + name, Summaries.quote(value), mail -> String.valueOf(mail.headers(name)),
                mail -> mail.headers(name).contains(value));
    }

    /**
     * An attachment has this file name.
     *
     * @param fileName the attachment's file name
     * @return this matcher, for chaining
     */
    public MailMatcher attachment(String fileName) {
        Objects.requireNonNull(fileName, "fileName");
        return with("attachment", Summaries.quote(fileName), mail -> String.valueOf(Texts.fileNames(mail)),
                mail -> Texts.fileNames(mail).contains(fileName));
    }

    /**
     * Any other criterion, described for the failure message, e.g. {@code ("urgent", m -> ...)}.
     *
     * @param description names the criterion in failure messages
     * @param criterion the test a message must pass
     * @return this matcher, for chaining
     */
    public MailMatcher satisfying(String description, Predicate<? super ReceivedMail> criterion) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(criterion, "criterion");
        return with(description, "true", mail -> "false", criterion);
    }

    /** True when the message meets every criterion. */
    @Override
    public boolean matches(ReceivedMail mail) {
        return mail != null && criteria.stream().allMatch(criterion -> criterion.test(mail));
    }

    /** The criteria, in the order they were added. */
    List<Criterion> criteria() {
        return criteria;
    }

    private MailMatcher with(String name, String expected, Function<ReceivedMail, String> actual,
            Predicate<? super ReceivedMail> test) {
        List<Criterion> more = new ArrayList<>(criteria);
        more.add(new Criterion(name, expected, actual, test));
        return new MailMatcher(more);
    }

    /** One named criterion: what it expects, how to show the actual value, and the test. */
    static final class Criterion {
        private final String name;
        private final String expected;
        private final Function<ReceivedMail, String> actual;
        private final Predicate<? super ReceivedMail> test;

        Criterion(String name, String expected, Function<ReceivedMail, String> actual,
                Predicate<? super ReceivedMail> test) {
            this.name = name;
            this.expected = expected;
            this.actual = actual;
            this.test = test;
        }

        String name() {
            return name;
        }

        String expected() {
            return expected;
        }

        /** The actual value as the failure message shows it; unparseable mail does not throw. */
        String actual(ReceivedMail mail) {
            try {
                return actual.apply(mail);
            } catch (RuntimeException e) {
                return "(not readable: " + e.getMessage() + ")";
            }
        }

        /** The criterion holds; a message that cannot be parsed does not match. */
        boolean test(ReceivedMail mail) {
            try {
                return test.test(mail);
            } catch (RuntimeException e) {
                return false;
            }
        }

        String describe() {
            return "true".equals(expected) ? name : name + " " + expected;
        }
    }
}
