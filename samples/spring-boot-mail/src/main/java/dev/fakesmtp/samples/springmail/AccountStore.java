package dev.fakesmtp.samples.springmail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The accounts, in memory (a real shop has a database), keyed by lower-case address. */
@Component
public class AccountStore {

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, String> passwordHashes = new ConcurrentHashMap<>();

    /** Adds an account; {@code false} if the address is taken. */
    public boolean add(Account account) {
        return accounts.putIfAbsent(key(account.email()), account) == null;
    }

    /** The account of {@code email}, if there is one. */
    public Optional<Account> find(String email) {
        return Optional.ofNullable(accounts.get(key(email)));
    }

    /** Records what became of the account's welcome mail. */
    public void updateWelcome(String email, Account.WelcomeStatus status) {
        accounts.computeIfPresent(key(email), (k, account) -> account.withWelcome(status));
    }

    /** Sets the account's password. */
    public void setPassword(String email, String password) {
        passwordHashes.put(key(email), hash(email, password));
    }

    /** Whether {@code password} is the account's password. */
    public boolean passwordMatches(String email, String password) {
        return hash(email, password).equals(passwordHashes.get(key(email)));
    }

    /** Forgets every account. */
    public void clear() {
        accounts.clear();
        passwordHashes.clear();
    }

    private static String key(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    /** Salted SHA-256 keeps the sample free of dependencies; a real shop uses BCrypt or Argon2. */
    private static String hash(String email, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(key(email).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
