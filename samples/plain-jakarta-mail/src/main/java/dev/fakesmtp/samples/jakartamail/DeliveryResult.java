package dev.fakesmtp.samples.jakartamail;

import java.util.List;
import java.util.Optional;

/**
 * What became of a {@link Notification}: who got it, who did not and why, and how many attempts
 * it took. The {@link Notifier} reports failures here instead of throwing.
 *
 * @param status     delivered to everyone, to some, or to no one
 * @param attempts   how many times the notifier connected to the server
 * @param delivered  the recipients the server accepted the mail for
 * @param rejections one entry per recipient that did not get the mail
 */
public record DeliveryResult(Status status, int attempts, List<String> delivered, List<Rejection> rejections) {

    /** The overall outcome. */
    public enum Status {
        /** Every recipient got the mail (possibly after retries). */
        DELIVERED,
        /** Some recipients got it, the others are in {@link #rejections()}. */
        PARTIALLY_DELIVERED,
        /** No recipient got it. */
        FAILED,
        /**
         * The whole message went out, but the connection failed or timed out before the server
         * said whether it took it: it probably arrived, and the notifier does not send it again,
         * which could deliver it twice (RFC 1047). The recipients are in {@link #delivered()}.
         */
        UNCONFIRMED
    }

    /** Copies the lists. */
    public DeliveryResult {
        delivered = List.copyOf(delivered);
        rejections = List.copyOf(rejections);
    }

    /** Whether every recipient got the mail, as far as the server confirmed it. */
    public boolean isDelivered() {
        return status == Status.DELIVERED;
    }

    /** Why {@code recipient} did not get the mail, empty if it did. */
    public Optional<Rejection> rejectionOf(String recipient) {
        return rejections.stream().filter(r -> r.recipient().equalsIgnoreCase(recipient)).findFirst();
    }
}
