package dev.fakesmtp.protocol;

import dev.fakesmtp.FakeSmtpServer;
import dev.fakesmtp.support.SmtpDialogue;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The edges of RFC 5321's path grammar (§4.1.2, §4.1.3; RFC 6531 §3.3 for UTF-8) and of the
 * ESMTP parameter grammar (esmtp-value, RFC 3461's xtext), one character on each side of every
 * range: a recipient (or sender) the grammar allows gets 250, one it does not gets 501, and a
 * well-formed parameter the server does not know gets 555, not 501. Sent on a socket after
 * {@code MAIL FROM:<...> SMTPUTF8}, so UTF-8 addresses are allowed.
 */
@Timeout(20)
class AddressGrammarEdgesTest {

    private static FakeSmtpServer server;

    @BeforeAll
    static void start() {
        server = FakeSmtpServer.builder().build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> recipients() {
        return Stream.of(
                // Dot-string: atext at the edges of its ranges, and the characters next to them.
                Arguments.of("az.AZ.09@example.com", 250),
                Arguments.of("!#$%&'*+-/=?^_`{|}~@example.com", 250),
                Arguments.of("a:b@example.com", 501), // ':' follows '9'
                Arguments.of("a;b@example.com", 501),
                Arguments.of("a[b@example.com", 501), // '[' follows 'Z'
                Arguments.of("a\u007Fb@example.com", 501), // DEL
                Arguments.of("\u0080x@example.com", 250), // the first non-ASCII code point (RFC 6531)
                Arguments.of("a@b@example.com", 501),
                // Quoted-string: empty, escapes, qtextSMTP's edges.
                Arguments.of("\"\"@example.com", 250),
                Arguments.of("\" !#[]~\"@example.com", 250),
                Arguments.of("\"a\\\"b\"@example.com", 250),
                Arguments.of("\"a\\\\\"@example.com", 250),
                Arguments.of("\"\\ \\~\"@example.com", 250),
                Arguments.of("\"a\\\"@example.com", 501), // the escape takes the closing quote
                Arguments.of("\"a\"b\"@example.com", 501),
                Arguments.of("a\\\"\"@example.com", 501), // ends like a quoted string, does not open like one
                Arguments.of("\"a\u007Fb\"@example.com", 501),
                Arguments.of("\"a\u0001b\"@example.com", 501),
                Arguments.of("\"a\\\u0001\"@example.com", 501),
                Arguments.of("\"a\\\u007F\"@example.com", 501), // quoted-pairSMTP is %d92 %d32-126
                Arguments.of("\"a\\\u00e4\"@example.com", 501), // RFC 6531 adds UTF-8 to qtext, not to quoted-pair
                Arguments.of("\"a@example.com", 501),
                // Domain: labels of letters, digits and inner hyphens, 1 to 63 of them.
                Arguments.of("a@az.AZ.09.x-y.test", 250),
                Arguments.of("a@" + "d".repeat(63) + ".test", 250),
                Arguments.of("a@" + "d".repeat(64) + ".test", 501),
                Arguments.of("a@x`y.test", 501),
                Arguments.of("a@x{y.test", 501),
                Arguments.of("a@x/y.test", 501),
                Arguments.of("a@x@y.test", 501),
                Arguments.of("a@x[y.test", 501),
                Arguments.of("a@x-.test", 501),
                Arguments.of("a@\u0080.test", 250),
                // Address literals: IPv4, IPv6 (with the IPv4 forms RFC 5321 allows), general.
                Arguments.of("a@[255.255.255.255]", 250),
                Arguments.of("a@[256.0.0.1]", 501),
                Arguments.of("a@[1.2.3]", 501),
                Arguments.of("a@[]", 501),
                Arguments.of("a@[1]", 501),
                Arguments.of("a@[IPv6:2001:db8::1]", 250),
                Arguments.of("a@[ipv6:::1]", 250),
                Arguments.of("a@[IPv6:::ffff:192.0.2.1]", 250),
                Arguments.of("a@[IPv6:]", 501),
                Arguments.of("a@[IPv6:2001:db8::g]", 501),
                Arguments.of("a@[IPv6:192.0.2.1]", 501),
                Arguments.of("a@[IPv6:1::2::3]", 501), // hex digits and colons, yet no IPv6 address
                Arguments.of("a@[IPv6:12345::1]", 501),
                Arguments.of("a@[IPv6:1:2:3:4:5:6:7:8:9]", 501),
                Arguments.of("a@[IPv6:fe80::1%1]", 501), // a zone index is no part of IPv6-addr
                Arguments.of("a@[x-tag:!Z^~]", 250),
                Arguments.of("a@[tag:]", 501),
                Arguments.of("a@[-tag:x]", 501),
                Arguments.of("a@[tag-:x]", 501),
                Arguments.of("a@[tag:a\\b]", 501), // '\' (92) is not dcontent
                Arguments.of("a@[tag:a[b]", 501),
                Arguments.of("a@[tag:a b]", 501),
                Arguments.of("a@[1.2.3.4", 501),
                Arguments.of("a@x192.0.2.1]", 501), // a literal opens with '['
                Arguments.of("a@[192.0.2.1x", 501)); // and closes with ']'

    }

    @ParameterizedTest
    @MethodSource("recipients")
    void aRecipientTheGrammarAllowsIsAcceptedAndOneItDoesNotIs501(String address, int code) {
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<s@example.com> SMTPUTF8").expect("250 ");
            smtp.send("RCPT TO:<" + address + ">").expect(code + " ");
        }
    }

    static Stream<Arguments> senders() {
        String mail = "MAIL FROM:<s@example.com> ";
        return Stream.of(
                // The path opens with '<' (RFC 5321 §4.1.2).
                Arguments.of("MAIL FROM:xa@example.com>", 501),
                // RFC 6531 §3.4: any non-ASCII character needs SMTPUTF8, the first one too.
                Arguments.of("MAIL FROM:<\u0080x@example.com>", 553),
                // esmtp-value: %d33-60 / %d62-126 (RFC 5321 §4.1.2), UTF-8 too (RFC 6531 §3.3).
                Arguments.of(mail + "X-FOO=!~", 555),
                Arguments.of(mail + "X-FOO=\u00e4", 555),
                Arguments.of(mail + "X-FOO=\u0080", 555), // the first non-ASCII code point
                Arguments.of(mail + "X-FOO=a=b", 501),
                Arguments.of(mail + "X-FOO=a\u007Fb", 501),
                Arguments.of(mail + "X-FOO=", 501),
                Arguments.of(mail + "=x", 501),
                Arguments.of(mail + "-FOO=1", 501),
                // xtext (RFC 3461 §4): "+" and two upper-case hex digits, nothing else escaped.
                Arguments.of(mail + "ENVID=+2B+09+AF+3D", 250),
                Arguments.of(mail + "ENVID=+2b", 501),
                Arguments.of(mail + "ENVID=+G0", 501),
                Arguments.of(mail + "ENVID=+:0", 501), // ':' follows '9'
                Arguments.of(mail + "ENVID=+@0", 501), // '@' precedes 'A'
                Arguments.of(mail + "ENVID=+2", 501),
                Arguments.of(mail + "ENVID=!~", 250),
                Arguments.of(mail + "ENVID=\u00e4", 501), // an esmtp-value, but xtext is ASCII only
                Arguments.of(mail + "ENVID=" + "e".repeat(100), 250),
                Arguments.of(mail + "ENVID=" + "e".repeat(101), 501),
                Arguments.of(mail + "AUTH=a+2Bb@example.com", 250),
                Arguments.of(mail + "AUTH=a+2", 501));
    }

    @ParameterizedTest
    @MethodSource("senders")
    void aSenderOrParameterTheGrammarAllowsIsJudgedByItsRulesAndOneItDoesNotIs501(String line, int code) {
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send(line).expect(code + " ");
        }
    }

    @org.junit.jupiter.api.Test
    void aNonAsciiAddressWithoutSmtputf8IsRefusedWithWhatToDoForItsRole() {
        try (SmtpDialogue smtp = SmtpDialogue.afterEhlo(server)) {
            smtp.send("MAIL FROM:<j\u00f6rg@example.com>").expect("553 5.6.7 A non-ASCII address needs the SMTPUTF8 parameter");
            smtp.send("MAIL FROM:<s@example.com>").expect("250 ");
            smtp.send("RCPT TO:<j\u00f6rg@example.com>").expect("553 5.6.7 A non-ASCII address needs SMTPUTF8 on MAIL FROM");
        }
    }
}
