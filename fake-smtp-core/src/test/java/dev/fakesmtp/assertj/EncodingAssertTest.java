package dev.fakesmtp.assertj;

import static dev.fakesmtp.assertj.FakeSmtpAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakesmtp.ReceivedMail;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code isEncodedCorrectly()}: 8-bit data and charsets declared where they are used. */
class EncodingAssertTest {

    private static final Map<String, String> EIGHT_BIT = Map.of("BODY", "8BITMIME");
    private static final String HEADERS = "From: shop@example.com\r\nTo: bob@example.com\r\nSubject: Hi\r\nMIME-Version: 1.0\r\n";

    @Test
    void asciiIsAlwaysFine() {
        assertThat(Mails.mail("shop@example.com", "bob@example.com", "Hi", "plain ASCII")).isEncodedCorrectly();
    }

    @Test
    void utf8DeclaredEverywhereIsFine() {
        assertThat(message(EIGHT_BIT, "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n",
                "Grüße aus Köln")).isEncodedCorrectly();
    }

    @Test
    void quotedPrintableNeedsNo8BitMime() {
        assertThat(message(Map.of(), "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding:"
                + " quoted-printable\r\n", "Gr=C3=BC=C3=9Fe")).isEncodedCorrectly().hasText("Grüße");
    }

    @Test
    void eightBitDataWithout8BitMime() {
        assertThatThrownBy(() -> assertThat(message(Map.of(), "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n", "Grüße")).isEncodedCorrectly())
                .hasMessageEndingWith("to be encoded correctly, but:\n"
                        + "  - the message body has 8-bit bytes, but MAIL FROM had no BODY parameter (send BODY=8BITMIME,"
                        + " or use a quoted-printable or base64 transfer encoding)");
    }

    /** The failure names what the client declared, not a default it never sent. */
    @Test
    void eightBitDataDeclaredAsSevenBit() {
        assertThatThrownBy(() -> assertThat(message(Map.of("BODY", "7BIT", "SMTPUTF8", ""), "Content-Type: text/plain;"
                + " charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n", "Grüße")).isEncodedCorrectly())
                .hasMessageEndingWith("to be encoded correctly, but:\n"
                        + "  - the message body has 8-bit bytes, but MAIL FROM declared BODY=7BIT (send BODY=8BITMIME,"
                        + " or use a quoted-printable or base64 transfer encoding)");
    }

    /** RFC 6531/6532: SMTPUTF8 allows UTF-8 header fields; no BODY parameter is needed for a 7-bit body. */
    @Test
    void rawUtf8HeadersWithSmtpUtf8AndNoBodyParameterAreFine() {
        String raw = "From: shop@example.com\r\nTo: jörg@müller.example\r\nSubject: Grüße\r\n\r\nHi\r\n";
        assertThat(Mails.raw("shop@example.com", "jörg@müller.example", Map.of("SMTPUTF8", ""), raw))
                .isEncodedCorrectly();
    }

    /** With bare LF line ends the body starts after LF LF: a UTF-8 last header does not spill into the body. */
    @Test
    void bareLfHeadersEndAtTheEmptyLine() {
        String raw = "From: shop@example.com\nTo: bob@example.com\nSubject: Grüß\n\nHi\n";

        assertThat(Mails.raw("shop@example.com", "bob@example.com", Map.of("SMTPUTF8", ""), raw)).isEncodedCorrectly();
    }

    /** A message cut short (BDAT can end a message anywhere) or without a body is still checked. */
    @Test
    void aMessageWithoutBodyOrCutShortIsChecked() {
        assertThat(Mails.raw("shop@example.com", "bob@example.com", Map.of(), HEADERS)).isEncodedCorrectly();
        assertThat(Mails.raw("shop@example.com", "bob@example.com", Map.of(), HEADERS + "\r\n\r")).isEncodedCorrectly();
        assertThat(Mails.raw("shop@example.com", "bob@example.com", Map.of(), HEADERS + "\r")).isEncodedCorrectly();
        assertThat(Mails.raw("shop@example.com", "bob@example.com", Map.of(), HEADERS + "X-Cut: short")).isEncodedCorrectly();
        assertThatThrownBy(() -> assertThat(Mails.raw("shop@example.com", "bob@example.com", Map.of(),
                "Subject: Grüße\r\n")).isEncodedCorrectly())
                .hasMessageEndingWith("  - the header section has 8-bit bytes, but MAIL FROM had no SMTPUTF8 parameter"
                        + " (encode header text per RFC 2047, or send SMTPUTF8)");
    }

    /**
     * RFC 5322 §2.1: a message may have no header fields; then its first line is the empty line
     * and everything after it is body: its 8-bit bytes are body bytes (BODY=8BITMIME covers them,
     * no SMTPUTF8 needed), though without a Content-Type they are undeclared text.
     */
    @Test
    void aMessageWithoutHeaderFieldsIsAllBody() {
        for (String raw : new String[] {"\r\nGrüße\r\n", "\nGrüße\n"}) {
            assertThatThrownBy(() -> assertThat(Mails.raw("shop@example.com", "bob@example.com", EIGHT_BIT, raw))
                    .isEncodedCorrectly())
                    .hasMessageEndingWith("to be encoded correctly, but:\n"
                            + "  - the message (text/plain) has 8-bit bytes, but its Content-Transfer-Encoding is 7bit\n"
                            + "  - the message (text/plain) has non-ASCII text, but declares no charset (declare e.g."
                            + " charset=UTF-8)");
        }
    }

    /** RFC 6152: 8-bit data is octets above 127; a NUL is a protocol matter (Violation.Type.NUL_IN_CONTENT). */
    @Test
    void aNulIsNotEightBitData() {
        assertThat(Mails.raw("shop@example.com", "bob@example.com", Map.of(), HEADERS + "\r\nA\u0000B\r\n"))
                .isEncodedCorrectly();
    }

    /** Only text parts have a charset: binary attachments carry any octets, base64-encoded. */
    @Test
    void binaryAttachmentsAreNotText() {
        String body = "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n\r\nSee the logo.\r\n--b\r\n"
                + "Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + java.util.Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G'}) + "\r\n--b--\r\n";

        assertThat(Mails.raw("shop@example.com", "bob@example.com", Map.of(), HEADERS + body)).isEncodedCorrectly();
    }

    @Test
    void anUnknownCharsetIsNamed() {
        String body = "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n\r\nThe list.\r\n--b\r\n"
                + "Content-Type: text/csv; charset=x-no-such-charset\r\n"
                + "Content-Disposition: attachment; filename=\"list.csv\"\r\n\r\na,b\r\n--b--\r\n";

        assertThatThrownBy(() -> assertThat(Mails.raw("shop@example.com", "bob@example.com", Map.of(), HEADERS + body))
                .isEncodedCorrectly())
                .hasMessageEndingWith("to be encoded correctly, but:\n"
                        + "  - part 2 of the message (text/csv) declares the unknown charset x-no-such-charset");
    }

    @Test
    void eightBitTextDeclaredAsSevenBitAndWithoutCharset() {
        assertThatThrownBy(() -> assertThat(message(EIGHT_BIT, "Content-Type: text/plain\r\n", "Grüße"))
                .isEncodedCorrectly())
                .hasMessageEndingWith("to be encoded correctly, but:\n"
                        + "  - the message (text/plain) has 8-bit bytes, but its Content-Transfer-Encoding is 7bit\n"
                        + "  - the message (text/plain) has non-ASCII text, but declares no charset (declare e.g."
                        + " charset=UTF-8)");
    }

    @Test
    void bytesThatAreNotValidInTheDeclaredCharset() {
        ReceivedMail latin1AsUtf8 = new ReceivedMail(message(EIGHT_BIT, "", "").envelope(),
                (HEADERS + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nGr\u00fc\u00dfe\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> assertThat(latin1AsUtf8).isEncodedCorrectly())
                .hasMessageEndingWith("  - the message (text/plain) declares charset UTF-8, but its bytes are not valid UTF-8");
    }

    @Test
    void rawUtf8HeadersNeedSmtpUtf8() {
        String raw = "From: shop@example.com\r\nTo: bob@example.com\r\nSubject: Grüße\r\n\r\nHi\r\n";

        assertThat(Mails.raw("shop@example.com", "bob@example.com", Map.of("BODY", "8BITMIME", "SMTPUTF8", ""), raw))
                .isEncodedCorrectly();
        assertThatThrownBy(() -> assertThat(Mails.raw("shop@example.com", "bob@example.com", EIGHT_BIT, raw))
                .isEncodedCorrectly())
                .hasMessageEndingWith("  - the header section has 8-bit bytes, but MAIL FROM had no SMTPUTF8 parameter"
                        + " (encode header text per RFC 2047, or send SMTPUTF8)");
    }

    @Test
    void everyTextPartOfAMultipartIsChecked() {
        String body = "Content-Type: multipart/alternative; boundary=\"b\"\r\n\r\n--b\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nGrüße\r\n--b\r\n"
                + "Content-Type: text/html; charset=us-ascii\r\nContent-Transfer-Encoding: 8bit\r\n\r\n<p>Grüße</p>\r\n--b--";

        assertThatThrownBy(() -> assertThat(Mails.raw("shop@example.com", "bob@example.com", EIGHT_BIT,
                HEADERS + body + "\r\n")).isEncodedCorrectly())
                .hasMessageEndingWith("to be encoded correctly, but:\n  - part 2 of the message (text/html) has non-ASCII"
                        + " text, but declares charset us-ascii (declare e.g. charset=UTF-8)");
    }

    private static ReceivedMail message(Map<String, String> mailParameters, String partHeaders, String text) {
        return Mails.raw("shop@example.com", "bob@example.com", mailParameters, HEADERS + partHeaders + "\r\n" + text + "\r\n");
    }
}
