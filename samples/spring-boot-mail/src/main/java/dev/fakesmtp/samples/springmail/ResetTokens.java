package dev.fakesmtp.samples.springmail;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Single-use password reset tokens that expire ({@code shop.password-reset.token-validity}). */
@Component
public class ResetTokens {

    private record Issued(String email, Instant expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
    private final Clock clock;
    private final ShopProperties shop;

    /** Wires the clock and the settings. */
    public ResetTokens(Clock clock, ShopProperties shop) {
        this.clock = clock;
        this.shop = shop;
    }

    /** A new token for the account, 256 random bits, URL-safe. */
    public String issue(String email) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(token, new Issued(email.toLowerCase(Locale.ROOT),
                clock.instant().plus(shop.passwordReset().tokenValidity())));
        return token;
    }

    /** Uses up a token: the account it was issued for, if it exists and has not expired. */
    public Optional<String> consume(String token) {
        Issued issued = tokens.remove(token);
        if (issued == null || clock.instant().isAfter(issued.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(issued.email());
    }

    /** Withdraws a token that was never delivered. */
    public void revoke(String token) {
        tokens.remove(token);
    }

    /** Whether the account has a token that still works. */
    public boolean hasActiveToken(String email) {
        Instant now = clock.instant();
        return tokens.values().stream()
                .anyMatch(t -> t.email().equalsIgnoreCase(email) && !now.isAfter(t.expiresAt()));
    }
}
