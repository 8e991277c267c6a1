package dev.fakesmtp.samples.springmail;

/** Escapes text for HTML mail bodies (a real shop would use its template engine). */
final class Html {

    private Html() {
    }

    /** The text with {@code & < > " '} escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
