package dev.fakesmtp.internal;

import java.util.Locale;
import java.util.Set;

/**
 * EHLO keywords a failure rule hides from one EHLO reply ({@code ehloWithout}).
 *
 * @param keywords the keywords, upper case
 * @param rule the rule's description, which marks the reply in the transcript
 */
public record EhloFilter(Set<String> keywords, String rule) {

    /**
     * Copies the keywords.
     *
     * @param keywords the keywords, upper case
     * @param rule the rule's description
     */
    public EhloFilter {
        keywords = Set.copyOf(keywords);
    }

    /**
     * Whether an EHLO reply line is hidden.
     *
     * @param line a keyword and its parameters, e.g. {@code "SIZE 1000"}
     * @return true when its keyword is one of the hidden ones
     */
    public boolean hides(String line) {
        int space = line.indexOf(' ');
        String keyword = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
        return keywords.contains(keyword);
    }
}
