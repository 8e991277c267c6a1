package dev.fakesmtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void equalRepliesAreEqual() {
        assertThat(SmtpReply.of(250, "2.0.0 OK")).isEqualTo(SmtpReply.of(250, "2.0.0", "OK"))
                .hasSameHashCodeAs(SmtpReply.of(250, "2.0.0", "OK"));
        assertThat(SmtpReply.of(250, "2.0.0 OK").isError()).isFalse();
        assertThat(SmtpReply.of(451, "4.3.0 Later").isError()).isTrue();
    }
}
