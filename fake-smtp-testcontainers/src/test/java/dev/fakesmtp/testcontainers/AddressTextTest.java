package dev.fakesmtp.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressTextTest {

    // RFC 5952's examples and corner cases: zero runs at either end, ties, a lone zero group.
    @ParameterizedTest
    @CsvSource({
            "0:0:0:0:0:0:0:1, ::1",
            "0:0:0:0:0:0:0:0, ::",
            "2001:DB8:0:0:0:0:2:1, 2001:db8::2:1",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "fe80:0:0:0:0:0:0:0, fe80::",
            "127.0.0.1, 127.0.0.1",
    })
    void writesTheCompressedForm(String literal, String expected) throws Exception {
        assertThat(AddressText.of(InetAddress.getByName(literal))).isEqualTo(expected);
    }
}
