package dev.fakesmtp.samples.springmail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.stereotype.Service;

/** Signs people up: the account exists at once, the welcome mail follows in the background. */
@Service
public class SignupService {

    private final AccountStore accounts;
    private final WelcomeMailer welcomeMailer;

    /** Wires the store and the (asynchronous) welcome mailer. */
    public SignupService(AccountStore accounts, WelcomeMailer welcomeMailer) {
        this.accounts = accounts;
        this.welcomeMailer = welcomeMailer;
    }

    /**
     * Creates the account and queues the welcome mail; returns without waiting for the mail server.
     *
     * @throws IllegalArgumentException if the address is not a mail address or is taken
     */
    public Account signUp(String email, String name) {
        try {
            new InternetAddress(email, true).validate();
        } catch (AddressException e) {
            throw new IllegalArgumentException("Not a mail address: " + email, e);
        }
        Account account = new Account(email, name, Account.WelcomeStatus.PENDING);
        if (!accounts.add(account)) {
            throw new IllegalArgumentException("There is an account for " + email + " already");
        }
        welcomeMailer.sendWelcome(account);
        return account;
    }
}
