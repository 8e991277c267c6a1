package dev.fakesmtp.samples.springmail;

/**
 * A customer account.
 *
 * @param email   the login and mail address
 * @param name    how mails address the customer
 * @param welcome what became of the welcome mail
 */
public record Account(String email, String name, WelcomeStatus welcome) {

    /** The state of an account's welcome mail. */
    public enum WelcomeStatus {
        /** Not sent yet (it goes out in the background). */
        PENDING,
        /** The mail server accepted it. */
        SENT,
        /** It could not be delivered; the operations team was told. */
        FAILED
    }

    /** A copy with another welcome status. */
    public Account withWelcome(WelcomeStatus status) {
        return new Account(email, name, status);
    }
}
