package dev.fakesmtp.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The client side of the SASL mechanisms, written from their RFCs, for raw AUTH dialogues. */
final class Sasl {

    private Sasl() {
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    /** RFC 4616: {@code authzid NUL authcid NUL passwd}, base64. */
    static String plain(String authzid, String user, String password) {
        return base64(authzid + "\0" + user + "\0" + password);
    }

    static String plain(String user, String password) {
        return plain("", user, password);
    }

    /** XOAUTH2: {@code user=... ^A auth=Bearer ... ^A ^A}, base64. */
    static String xoauth2(String user, String token) {
        return base64("user=" + user + "\u0001auth=Bearer " + token + "\u0001\u0001");
    }

    /** RFC 2195: {@code user SP hex(HMAC-MD5(password, challenge))}, base64. */
    static String cramMd5(String user, String password, String challenge) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
            String digest = HexFormat.of().formatHex(mac.doFinal(challenge.getBytes(StandardCharsets.UTF_8)));
            return base64(user + " " + digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text after {@code "334 "} of a one-line 334 reply. */
    static String challengeOf(java.util.List<String> reply) {
        String line = reply.get(reply.size() - 1);
        if (!line.startsWith("334 ")) {
            throw new AssertionError("Expected a 334 challenge, got " + reply);
        }
        return line.substring(4);
    }
}
