package dev.fakesmtp.internal.web;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A minimal streaming JSON writer (RFC 8259) for the web UI's API, so that the core needs no JSON
 * library. It writes compact JSON (no whitespace), escapes strings as the RFC requires, and
 * refuses calls that would produce malformed output.
 *
 * <pre>{@code
 * String json = new Json().beginObject().name("subject").value("Hi").endObject().toString();
 * }</pre>
 */
public final class Json {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out = new StringBuilder();
    /** One entry per open object or array: true once it holds a member, so the next needs a comma. */
    private final Deque<Boolean> hasMembers = new ArrayDeque<>();
    private final Deque<Boolean> isObject = new ArrayDeque<>();
    private boolean expectValue;
    private boolean done;

    /** An empty writer; the first call opens the top-level value. */
    public Json() {
    }

    /**
     * Opens an object.
     *
     * @return this writer
     */
    public Json beginObject() {
        beforeValue();
        out.append('{');
        hasMembers.push(false);
        isObject.push(true);
        return this;
    }

    /**
     * Closes the innermost object.
     *
     * @return this writer
     * @throws IllegalStateException if the innermost open value is not an object, or a name waits for its value
     */
    public Json endObject() {
        return close(true, '}');
    }

    /**
     * Opens an array.
     *
     * @return this writer
     */
    public Json beginArray() {
        beforeValue();
        out.append('[');
        hasMembers.push(false);
        isObject.push(false);
        return this;
    }

    /**
     * Closes the innermost array.
     *
     * @return this writer
     * @throws IllegalStateException if the innermost open value is not an array
     */
    public Json endArray() {
        return close(false, ']');
    }

    /**
     * Writes an object member's name; its value comes next.
     *
     * @param name the member name
     * @return this writer
     * @throws IllegalStateException outside an object, or twice in a row
     */
    public Json name(String name) {
        if (isObject.isEmpty() || !isObject.peek() || expectValue) {
            throw new IllegalStateException("A name belongs directly inside an object, before its value");
        }
        comma();
        quote(name);
        out.append(':');
        expectValue = true;
        return this;
    }

    /**
     * Writes a string, or {@code null} for null.
     *
     * @param value the string
     * @return this writer
     */
    public Json value(String value) {
        beforeValue();
        if (value == null) {
            out.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    /**
     * Writes a number.
     *
     * @param value the number
     * @return this writer
     */
    public Json value(long value) {
        beforeValue();
        out.append(value);
        return this;
    }

    /**
     * Writes {@code true} or {@code false}.
     *
     * @param value the boolean
     * @return this writer
     */
    public Json value(boolean value) {
        beforeValue();
        out.append(value);
        return this;
    }

    /**
     * A shortcut for {@code name(name).value(value)}.
     *
     * @param name the member name
     * @param value the string, or null
     * @return this writer
     */
    public Json member(String name, String value) {
        return name(name).value(value);
    }

    /**
     * The JSON text written so far.
     *
     * @return the complete document
     * @throws IllegalStateException if an object or array is still open
     */
    @Override
    public String toString() {
        if (!hasMembers.isEmpty() || !done) {
            throw new IllegalStateException("The JSON document is incomplete");
        }
        return out.toString();
    }

    /**
     * {@code value} as a JSON string literal, quotes included.
     *
     * @param value the string
     * @return the literal, with {@code "}, {@code \}, control characters, U+2028, U+2029 and unpaired
     *     surrogates escaped
     */
    public static String quoted(String value) {
        Json json = new Json();
        json.quote(value);
        return json.out.toString();
    }

    private void quote(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || unpairedSurrogate(value, i)) {
                        // U+2028/9 keep the text valid JavaScript; an unpaired surrogate has no UTF-8
                        // encoding, so it is kept as an escape rather than turned into '?'.
                        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean unpairedSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)));
    }

    private void beforeValue() {
        if (hasMembers.isEmpty()) {
            if (done) {
                throw new IllegalStateException("The JSON document already has its top-level value");
            }
            done = true; // it may still be an open object or array: toString() checks that
            return;
        }
        if (isObject.peek()) {
            if (!expectValue) {
                throw new IllegalStateException("A value inside an object needs a name first");
            }
            expectValue = false;
        } else {
            comma();
        }
    }

    private void comma() {
        if (hasMembers.peek()) {
            out.append(',');
        } else {
            hasMembers.pop();
            hasMembers.push(true);
        }
    }

    private Json close(boolean object, char bracket) {
        if (isObject.isEmpty() || isObject.peek() != object || expectValue) {
            throw new IllegalStateException("Nothing to close with '" + bracket + "' here");
        }
        isObject.pop();
        hasMembers.pop();
        out.append(bracket);
        return this;
    }
}
