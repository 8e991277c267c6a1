package dev.fakesmtp.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The web UI's JSON writer: string escaping per RFC 8259 §7, structure per §2-5, misuse refused. */
class JsonTest {

    /** RFC 8259 §7: a string is unescaped chars (U+0020-U+10FFFF but '"' and '\') or escapes. */
    private static final Pattern RFC_STRING = Pattern.compile(
            "\"(?:[^\"\\\\\\u0000-\\u001F]|\\\\[\"\\\\/bfnrt]|\\\\u[0-9a-fA-F]{4})*\"");

    @Test
    void escapesQuotationMarkReverseSolidusAndControlCharacters() {
        assertThat(Json.quoted("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(Json.quoted("C:\\mail")).isEqualTo("\"C:\\\\mail\"");
        assertThat(Json.quoted("a\nb\rc\td\be\ff")).isEqualTo("\"a\\nb\\rc\\td\\be\\ff\"");
        assertThat(Json.quoted("\u0000\u0001\u001f")).isEqualTo("\"\\u0000\\u0001\\u001f\"");
    }

    @Test
    void leavesEverythingElseAsItIs() {
        assertThat(Json.quoted("</script> & 'x' / é ü 日本 \uD83D\uDCE7 \u007f"))
                .isEqualTo("\"</script> & 'x' / é ü 日本 \uD83D\uDCE7 \u007f\"");
    }

    @Test
    void escapesLineSeparatorsAndUnpairedSurrogatesSoTheOutputIsValidJavaScriptAndUtf8() {
        assertThat(Json.quoted("\u2028\u2029")).isEqualTo("\"\\u2028\\u2029\"");
        assertThat(Json.quoted("x\uD800y")).isEqualTo("\"x\\ud800y\"");
        assertThat(Json.quoted("\uDC00")).isEqualTo("\"\\udc00\"");
        assertThat(Json.quoted("\uD83D")).isEqualTo("\"\\ud83d\"");
    }

    @Test
    void everyCharacterComesOutAsAValidStringThatDecodesToItself() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String text = "a" + (char) c + "b";
            String json = Json.quoted(text);
            assertThat(RFC_STRING.matcher(json).matches()).as("U+%04X as %s", c, json).isTrue();
            assertThat(decode(json)).as("U+%04X", c).isEqualTo(text);
        }
    }

    @Test
    void writesNestedObjectsAndArraysWithCommasInTheRightPlaces() {
        String json = new Json().beginObject()
                .member("subject", "Hi")
                .name("size").value(42)
                .name("tls").value(false)
                .member("cc", null)
                .name("to").beginArray().value("a@x").value("b@x").endArray()
                .name("empty").beginArray().endArray()
                .name("nested").beginObject().name("n").value(-1).endObject()
                .endObject().toString();

        assertThat(json).isEqualTo("{\"subject\":\"Hi\",\"size\":42,\"tls\":false,\"cc\":null,"
                + "\"to\":[\"a@x\",\"b@x\"],\"empty\":[],\"nested\":{\"n\":-1}}");
        assertThat(new Json().beginArray().beginObject().endObject().beginObject().endObject().endArray().toString())
                .isEqualTo("[{},{}]");
        assertThat(new Json().value("top").toString()).isEqualTo("\"top\"");
    }

    @Test
    void refusesCallsThatWouldWriteMalformedJson() {
        assertThatThrownBy(() -> new Json().name("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Json().beginArray().name("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Json().beginObject().value("no name")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Json().beginObject().name("a").name("b")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Json().beginObject().name("a").endObject()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Json().beginObject().endArray()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Json().beginArray().endObject()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Json().value(1).value(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Json().beginArray().toString()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Json().toString()).isInstanceOf(IllegalStateException.class);
    }

    /** Undoes the escapes of RFC 8259 §7, independently of the writer. */
    private static String decode(String json) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < json.length() - 1; i++) {
            char c = json.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escape = json.charAt(++i);
            switch (escape) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(escape);
            }
        }
        return out.toString();
    }
}
