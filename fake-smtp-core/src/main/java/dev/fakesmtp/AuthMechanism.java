package dev.fakesmtp;

/** The SASL mechanisms the server offers in its {@code AUTH} EHLO keyword (RFC 4954). */
public enum AuthMechanism {
    /** RFC 4616: authorization identity, user and password in one base64 response. */
    PLAIN("PLAIN"),
    /** The de-facto LOGIN mechanism: user and password in two base64 responses. */
    LOGIN("LOGIN"),
    /** RFC 2195: an HMAC-MD5 answer to a server challenge; the password never crosses the wire. */
    CRAM_MD5("CRAM-MD5"),
    /** Google's and Microsoft's OAuth 2.0 bearer-token mechanism. */
    XOAUTH2("XOAUTH2");

    private final String keyword;

    AuthMechanism(String keyword) {
        this.keyword = keyword;
    }

    /** {@return the name on the wire, e.g. {@code "CRAM-MD5"}} */
    public String keyword() {
        return keyword;
    }

    /**
     * The mechanism named by {@code keyword} (any case), or null when there is none.
     *
     * @param keyword the ESMTP keyword
     * @return the mechanism named by {@code keyword} (any case), or null when there is none
     */
    public static AuthMechanism fromKeyword(String keyword) {
        for (AuthMechanism mechanism : values()) {
            if (mechanism.keyword.equalsIgnoreCase(keyword)) {
                return mechanism;
            }
        }
        return null;
    }
}
