package dev.fakesmtp.assertj;

import dev.fakesmtp.ReceivedMail;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Condition;

/**
 * Explains why no message matched, WireMock style: every message in the mailbox, then the one
 * that meets most of a {@link MailMatcher}'s criteria and how it differs.
 */
final class ClosestMatch {

    private ClosestMatch() {
    }

    /**
     * The explanation for "no message matches {@code condition}": the mailbox's contents and,
     * for a {@link MailMatcher}, the closest message's differences.
     */
    static String explain(List<ReceivedMail> messages, Condition<? super ReceivedMail> condition) {
        StringBuilder text = new StringBuilder();
        if (messages.isEmpty()) {
            return text.append("but the mailbox is empty.").toString();
        }
        text.append(messages.size() == 1 ? "but its one message did not match:"
                : "but none of its " + messages.size() + " messages matched:").append(Summaries.list(messages));
        if (condition instanceof MailMatcher && !((MailMatcher) condition).criteria().isEmpty()) {
            text.append("\n\n").append(differences(messages, (MailMatcher) condition));
        }
        return text.toString();
    }

    /**
     * The closest message and how it differs: most criteria met; on a tie, the one whose wrong
     * values are closest in spelling to the expected ones (a typo beats a different address).
     */
    static String differences(List<ReceivedMail> messages, MailMatcher matcher) {
        int best = 0;
        int bestScore = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < messages.size(); i++) {
            int score = score(messages.get(i), matcher);
            int distance = score < bestScore ? Integer.MAX_VALUE : distance(messages.get(i), matcher);
            if (score > bestScore || score == bestScore && distance < bestDistance) {
                best = i;
                bestScore = score;
                bestDistance = distance;
            }
        }
        return differences(best + 1, messages.get(best), matcher);
    }

    /** How one message differs from the matcher: every failed criterion, expected and actual. */
    static String differences(int number, ReceivedMail mail, MailMatcher matcher) {
        List<String> matched = new ArrayList<>();
        StringBuilder text = new StringBuilder("Closest match: message ").append(number).append(", which differs in:");
        int width = matcher.criteria().stream().mapToInt(criterion -> criterion.name().length()).max().orElse(0);
        for (MailMatcher.Criterion criterion : matcher.criteria()) {
            if (criterion.test(mail)) {
                matched.add(criterion.describe());
                continue;
            }
            String label = criterion.name() + ":";
            String pad = " ".repeat(width + 2);
            text.append("\n  ").append(label).append(" ".repeat(width + 1 - label.length()))
                    .append(" expected ").append(criterion.expected())
                    .append("\n  ").append(pad).append("but was  ").append(criterion.actual(mail));
        }
        if (!matched.isEmpty()) {
            text.append("\nIt matches: ").append(String.join(", ", matched)).append('.');
        }
        return text.toString();
    }

    /** How far the failed criteria's actual values are from the expected ones, in edits. */
    private static int distance(ReceivedMail mail, MailMatcher matcher) {
        int distance = 0;
        for (MailMatcher.Criterion criterion : matcher.criteria()) {
            if (!criterion.test(mail)) {
                distance += editDistance(criterion.expected(), criterion.actual(mail));
            }
        }
        return distance;
    }

    /** Levenshtein distance of the first 200 characters: enough to rank, cheap for long bodies. */
    static int editDistance(String a, String b) {
        String left = a.length() > 200 ? a.substring(0, 200) : a;
        String right = b.length() > 200 ? b.substring(0, 200) : b;
        int[] previous = new int[right.length() + 1];
        int[] current = new int[right.length() + 1];
        for (int j = 0; j <= right.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= left.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= right.length(); j++) {
                int substitution = previous[j - 1] + (left.charAt(i - 1) == right.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[right.length()];
    }

    private static int score(ReceivedMail mail, MailMatcher matcher) {
        int score = 0;
        for (MailMatcher.Criterion criterion : matcher.criteria()) {
            if (criterion.test(mail)) {
                score++;
            }
        }
        return score;
    }
}
