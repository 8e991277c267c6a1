package dev.fakesmtp.samples.springmail;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shop's settings ({@code shop.*} in {@code application.properties}).
 *
 * @param baseUrl       where the shop's pages are, for links in mails
 * @param mailFrom      the From of every mail
 * @param opsAddress    who hears about mails that could not be delivered
 * @param welcomeMail   how the welcome mail is retried
 * @param passwordReset how long a reset link works
 */
@ConfigurationProperties("shop")
public record ShopProperties(URI baseUrl, String mailFrom, String opsAddress, WelcomeMail welcomeMail,
                             PasswordReset passwordReset) {

    /**
     * Retries of the welcome mail on transient failures.
     *
     * @param attempts   attempts in all
     * @param retryDelay the wait between two attempts
     */
    public record WelcomeMail(int attempts, Duration retryDelay) {
    }

    /**
     * Password reset links.
     *
     * @param tokenValidity how long a link works
     */
    public record PasswordReset(Duration tokenValidity) {
    }
}
