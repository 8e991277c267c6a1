package dev.fakesmtp.samples.jakartamail;

/**
 * Why one recipient did not get the mail.
 *
 * @param recipient the address
 * @param replyCode the SMTP reply code, or 0 when there was none (the connection failed or timed out)
 * @param reason    the server's reply or the client's error message
 * @param permanent {@code true} for a permanent failure (5xx, or a TLS or login problem): retrying
 *                  will not help; {@code false} when the attempts ran out on transient failures
 */
public record Rejection(String recipient, int replyCode, String reason, boolean permanent) {
}
