package dev.fakesmtp;

/**
 * The ESMTP extensions the server advertises in its EHLO reply. Each is on by default and can
 * be hidden with {@link FakeSmtpServer.Builder#hide(Extension...)} to test a client's fallback.
 * STARTTLS is not here: it is off until {@link FakeSmtpServer.Builder#startTls()} turns it on.
 */
public enum Extension {
    /** RFC 1870: {@code SIZE <limit>} and the MAIL {@code SIZE=} parameter. */
    SIZE("SIZE"),
    /** RFC 6152: 8-bit MIME bodies, MAIL {@code BODY=8BITMIME}. */
    EIGHT_BIT_MIME("8BITMIME"),
    /** RFC 2920: command pipelining. */
    PIPELINING("PIPELINING"),
    /** RFC 2034 / 3463: enhanced status codes in every reply. */
    ENHANCED_STATUS_CODES("ENHANCEDSTATUSCODES"),
    /** RFC 6531: UTF-8 addresses and headers, MAIL {@code SMTPUTF8}. */
    SMTPUTF8("SMTPUTF8"),
    /** RFC 3030: the BDAT command. */
    CHUNKING("CHUNKING"),
    /** RFC 3030: MAIL {@code BODY=BINARYMIME} (sent with BDAT). */
    BINARYMIME("BINARYMIME"),
    /** RFC 3461: delivery status notifications: RET, ENVID, NOTIFY, ORCPT. */
    DSN("DSN"),
    /**
     * RFC 4954: SMTP authentication with the configured mechanisms. Offered by default,
     * accepting any credentials, so an application configured with a user and password just works.
     */
    AUTH("AUTH");

    private final String keyword;

    Extension(String keyword) {
        this.keyword = keyword;
    }

    /** {@return the EHLO keyword, e.g. {@code "8BITMIME"}} */
    public String keyword() {
        return keyword;
    }
}
