package dev.fakesmtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmtpReplyTest {

    @Test
    void takesTheEnhancedCodeFromTheText() {
        SmtpReply reply = SmtpReply.of(550, "5.1.1 No such user");

        assertThat(reply.code()).isEqualTo(550);
        assertThat(reply.enhancedCode()).isEqualTo("5.1.1");
        assertThat(reply.lines()).containsExactly("No such user");
        assertThat(reply.render(true)).isEqualTo("550 5.1.1 No such user\r\n");
        assertThat(reply.render(false)).isEqualTo("550 No such user\r\n");
    }

    @Test
    void textWithoutEnhancedCodeStaysWhole() {
        SmtpReply reply = SmtpReply.of(421, "Service not available");

        assertThat(reply.enhancedCode()).isEmpty();
        assertThat(reply.render(true)).isEqualTo("421 Service not available\r\n");
    }

    @Test
    void rendersMultiLineRepliesWithDashesOnAllButTheLastLine() {
        SmtpReply reply = SmtpReply.of(250, "2.1.5", List.of("first", "second", "third"));

        assertThat(reply.render(true))
                .isEqualTo("250-2.1.5 first\r\n250-2.1.5 second\r\n250 2.1.5 third\r\n");
        assertThat(reply.toString()).isEqualTo("250-2.1.5 first\r\n250-2.1.5 second\r\n250 2.1.5 third");
    }

    @Test
    void refusesInvalidReplies() {
        assertThatThrownBy(() -> SmtpReply.of(199, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("199");
        assertThatThrownBy(() -> SmtpReply.of(600, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpReply.of(550, "4.1.1", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> SmtpReply.of(550, "5.1", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("enhanced status code");
        assertThatThrownBy(() -> SmtpReply.of(550, "5.1.1 bad\r\nline")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CR or LF");
        assertThatThrownBy(() -> SmtpReply.of(250, "", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    /** RFC 3463 §2: class "." subject "." detail, subject and detail one to three digits each. */
    @Test
    void recognisesEnhancedCodesOfOneToThreeDigitsPerPart() {
        assertThat(SmtpReply.of(250, "2.0.0 OK").enhancedCode()).isEqualTo("2.0.0");
        assertThat(SmtpReply.of(550, "5.999.999 Odd").enhancedCode()).isEqualTo("5.999.999");
        assertThat(SmtpReply.of(451, "4.9.10 Later").enhancedCode()).isEqualTo("4.9.10");

        // Four digits is not an enhanced code: the text is kept whole, and an explicit one is refused.
        assertThat(SmtpReply.of(550, "5.1234.1 Odd").enhancedCode()).isEmpty();
        assertThat(SmtpReply.of(550, "5.1234.1 Odd").lines()).containsExactly("5.1234.1 Odd");
        assertThat(SmtpReply.of(550, "5.1.1234 Odd").enhancedCode()).isEmpty();
        assertThat(SmtpReply.of(550, "5.1.x Odd").enhancedCode()).isEmpty();
        assertThat(SmtpReply.of(550, "5.12. Odd").enhancedCode()).isEmpty();
        assertThat(SmtpReply.of(550, "5..12 Odd").enhancedCode()).isEmpty();
        assertThat(SmtpReply.of(550, "5.123 Odd").enhancedCode()).isEmpty();
        assertThat(SmtpReply.of(550, "5-1.1 Odd").enhancedCode()).isEmpty();
        assertThat(SmtpReply.of(350, "3.1.1 Odd").enhancedCode()).isEmpty();
        assertThatThrownBy(() -> SmtpReply.of(550, "5.1234.1", "Odd")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5.1234.1");
        assertThatThrownBy(() -> SmtpReply.of(550, "5.1.1234", "Odd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEnhancedCodeAloneLeavesAnEmptyText() {
        SmtpReply reply = SmtpReply.of(550, "5.1.1");

        assertThat(reply.enhancedCode()).isEqualTo("5.1.1");
        assertThat(reply.lines()).containsExactly("");
        assertThat(reply.render(true)).isEqualTo("550 5.1.1\r\n");
    }

    /** RFC 5321 §4.2: reply codes run from 2yz to 5yz; a 4yz or 5yz reply refuses. */
    @Test
    void acceptsEveryCodeFrom200To599() {
        assertThat(SmtpReply.of(200, "OK").isError()).isFalse();
        assertThat(SmtpReply.of(399, "Go on").isError()).isFalse();
        assertThat(SmtpReply.of(400, "Later").isError()).isTrue();
        assertThat(SmtpReply.of(599, "No").isError()).isTrue();
    }

    @Test
    void refusesCrOrLfAnywhereInALine() {
        assertThatThrownBy(() -> SmtpReply.of(250, "", "\rstart")).hasMessageContaining("CR or LF");
        assertThatThrownBy(() -> SmtpReply.of(250, "", "\nstart")).hasMessageContaining("CR or LF");
        assertThatThrownBy(() -> SmtpReply.of(250, "", "ok", "end\n")).hasMessageContaining("CR or LF");
    }

    /** RFC 5321 §4.2: reply text is printable US-ASCII and HT; everything else goes out escaped. */
    @Test
    void rendersControlCharactersAndUtf8AsEscapedOctets() {
        SmtpReply reply = SmtpReply.of(250, "2.1.0", "a\u0000b\u001b[31m\u007f\tj\u00f6rg \uD83D\uDE00 \\x41");

        assertThat(reply.render(true))
                .isEqualTo("250 2.1.0 a\\x00b\\x1B[31m\\x7F\tj\\xC3\\xB6rg \\xF0\\x9F\\x98\\x80 \\x41\r\n");
        assertThat(reply.toBytes(true)).isEqualTo(reply.render(true).getBytes(StandardCharsets.US_ASCII));
        assertThat(reply.lines()).containsExactly("a\u0000b\u001b[31m\u007f\tj\u00f6rg \uD83D\uDE00 \\x41");
    }

    /** RFC 5321 §4.5.3.1.5: 512 octets with CRLF; a longer text keeps its start and end. */
    @Test
    void boundsEveryLineTo512OctetsKeepingStartAndEnd() {
        String fits = "x".repeat(512 - 2 - "250 2.1.0 ".length());
        assertThat(SmtpReply.of(250, "2.1.0", fits).render(true)).hasSize(512).endsWith(fits + "\r\n");

        String text = "Sender <" + "y".repeat(2000) + "@example.com> OK";
        String line = SmtpReply.of(250, "2.1.0", text, "second").render(true).split("\r\n")[0];
        assertThat(line.length() + 2).isEqualTo(512);
        assertThat(line).startsWith("250-2.1.0 Sender <yyy").contains("...").endsWith("yyy@example.com> OK");

        String withoutCodes = SmtpReply.of(250, "2.1.0", text).render(false);
        assertThat(withoutCodes).hasSize(512).startsWith("250 Sender <").endsWith("> OK\r\n");
    }

    @Test
    void neverSplitsAnEscapeWhenShortening() {
        for (int pad = 0; pad < 8; pad++) {
            String text = "p".repeat(pad) + "\u0001".repeat(300) + "\u00f6".repeat(300);
            String line = SmtpReply.of(550, "5.1.1", text).render(true);
            assertThat(line.length()).as("pad %d", pad).isLessThanOrEqualTo(512);
            String body = line.substring("550 5.1.1 ".length(), line.length() - 2).replace("...", "");
            assertThat(body.replace("p", "")).as("pad %d: %s", pad, line).matches("(\\\\x[0-9A-F]{2})+");
        }
    }

    @Test
    void equalRepliesAreEqual() {
        assertThat(SmtpReply.of(250, "2.0.0 OK")).isEqualTo(SmtpReply.of(250, "2.0.0", "OK"))
                .hasSameHashCodeAs(SmtpReply.of(250, "2.0.0", "OK"));
        assertThat(SmtpReply.of(250, "2.0.0 OK").isError()).isFalse();
        assertThat(SmtpReply.of(451, "4.3.0 Later").isError()).isTrue();
    }
}
