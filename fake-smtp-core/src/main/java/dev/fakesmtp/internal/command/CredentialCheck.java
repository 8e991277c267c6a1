package dev.fakesmtp.internal.command;

import dev.fakesmtp.internal.auth.AuthSettings;
import dev.fakesmtp.internal.command.SaslMechanisms.Credentials;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Decides whether presented credentials pass: anything does unless users or tokens are configured. */
final class CredentialCheck {

    private CredentialCheck() {
    }

    static boolean accepts(AuthSettings settings, Credentials credentials) {
        if (!settings.checksCredentials()) {
            return true;
        }
        return switch (credentials.mechanism()) {
            case PLAIN, LOGIN -> equal(settings.passwords().get(credentials.user()), credentials.secret());
            case XOAUTH2 -> equal(settings.tokens().get(credentials.user()), credentials.secret());
            case CRAM_MD5 -> {
                String password = settings.passwords().get(credentials.user());
                yield password != null && equal(hmacMd5(password, credentials.challenge()), credentials.digest());
            }
        };
    }

    private static boolean equal(String expected, String actual) {
        return expected != null && actual != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    private static String hmacMd5(String password, String challenge) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
            return HexFormat.of().formatHex(mac.doFinal(challenge.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 is missing from this JDK", e);
        }
    }
}
